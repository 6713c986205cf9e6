// Automations: webhook subscriptions that send Livecue's events to Zapier, Make, n8n or any https URL. Adding one
// or rotating its secret shows the signing secret once, in a sheet with a copy button; each subscription can send a
// test event, show its deliveries, get a new secret, be turned back on when disabled, and be deleted. Below them,
// the API keys those tools call Livecue with.
import { apiKeysCard } from '../api-keys.js';
import { secretSheet } from '../secret-sheet.js';
import { act, busy, clearProblem, field, formatWhen, h, keepDraft, loadFailed, submitOnce, toast } from '../ui.js';

const DELIVERIES_SHOWN = 20;

/** The event types of the API contract, in the creator's words. */
const EVENTS = [
  ['live.reminder', 'Reminder before each live', 'For your audience: ready-to-post texts for each platform.', true],
  ['live.checklist', 'Checklist before each live', 'Lighting, background, connection, title and thumbnail.', false],
  ['session.started', 'You went live', null, true],
  ['session.closed', 'You ended a live', 'Goodbye text, next live, stats and the replay window.', true],
  ['session.interrupted', 'A live was cut off', null, false],
  ['session.abandoned', 'A live was never ended', 'Ended by Livecue 12 hours after it started; no goodbye.', false],
  ['connection.degraded', 'Your connection got worse during a live', null, false],
  ['webhook.test', 'Test events', 'Sent when you press "Send test" (always, even when not chosen).', false],
];

const eventLabel = (type) => EVENTS.find(([each]) => each === type)?.[1] ?? type;

function statusBadge(subscription) {
  return subscription.status === 'disabled'
    ? h('span', { class: 'badge bad', dataset: { status: 'disabled' } }, 'Turned off')
    : h('span', { class: 'badge good', dataset: { status: 'active' } }, 'On');
}

/** "204 in 35 ms", "Failed: connection refused (5 ms)": what a delivery attempt came to, in plain words. */
function attemptText(attempt) {
  const answer = attempt.statusCode ? `answered ${attempt.statusCode}` : (attempt.error ?? 'no answer');
  const verdict = attempt.outcome === 'delivered' ? 'Delivered' : 'Not delivered';
  return `${verdict}: ${answer} · ${attempt.durationMs} ms`;
}

function outcomeClass(attempt) {
  if (attempt.outcome === 'delivered') return 'good';
  return attempt.outcome === 'retrying' ? 'warn' : 'bad';
}

// a failed load throws: the router shows it with "Try again"
export async function render(view, { api }) {
  const subscriptions = await api.get('/v1/webhooks', { query: { limit: 50 } });

  const list = h('ul', { class: 'list', id: 'webhooks' });
  const renderList = () => list.replaceChildren(...(subscriptions.items.length ? subscriptions.items.map(item)
    : [h('li', { class: 'card muted' }, 'No automation yet: add one below.')]));
  const replace = (updated) => {
    subscriptions.items = subscriptions.items.map((each) => (each.id === updated.id ? { ...each, ...updated } : each));
    renderList();
  };

  function item(subscription) {
    const result = h('p', { class: 'test-result', role: 'status' });
    const deliveries = h('div', { class: 'deliveries', hidden: true });
    const label = subscription.description || subscription.url;
    return h('li', { class: 'card webhook', dataset: { webhook: subscription.id, status: subscription.status } },
      h('div', { class: 'spread' }, h('h3', {}, subscription.description || 'Automation'), statusBadge(subscription)),
      h('p', { class: 'url' }, subscription.url),
      subscription.status === 'disabled' ? h('p', { class: 'disabled-reason' },
        `Livecue stopped sending here: ${subscription.disabledReason ?? 'it kept failing'}.`) : null,
      h('p', { class: 'muted' }, subscription.events.map(eventLabel).join(' · ')),
      h('div', { class: 'row' },
        subscription.status === 'disabled' ? h('button', { type: 'button', class: 'primary',
          onclick: (event) => enable(subscription, event.currentTarget) }, 'Turn back on') : null,
        h('button', { type: 'button', 'aria-label': `Send test to ${label}`,
          onclick: (event) => sendTest(subscription, event.currentTarget, result, deliveries) }, 'Send test'),
        h('button', { type: 'button', 'aria-expanded': 'false', 'aria-label': `Deliveries of ${label}`,
          onclick: (event) => toggleDeliveries(subscription, event.currentTarget, deliveries) }, 'Deliveries')),
      result,
      deliveries,
      h('div', { class: 'row' },
        h('button', { type: 'button', 'aria-label': `New secret for ${label}`,
          onclick: (event) => rotate(subscription, event.currentTarget) }, 'New secret'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${label}`,
          onclick: (event) => remove(subscription, event.currentTarget) }, 'Delete')));
  }

  async function sendTest(subscription, button, result, deliveries) {
    result.className = 'test-result';
    result.textContent = 'Sending a test…';
    await busy(button, async () => {
      try {
        const attempt = await api.post(`/v1/webhooks/${subscription.id}/test`);
        result.className = `test-result ${outcomeClass(attempt)}`;
        result.dataset.statusCode = attempt.statusCode ?? '';
        result.textContent = attemptText(attempt);
        if (!deliveries.hidden) await loadDeliveries(subscription, deliveries);
      } catch (problem) {
        result.textContent = problem.detail || problem.title;
      }
    });
  }

  async function toggleDeliveries(subscription, button, deliveries) {
    const opening = deliveries.hidden;
    button.setAttribute('aria-expanded', String(opening));
    deliveries.hidden = !opening;
    if (opening) await busy(button, () => loadDeliveries(subscription, deliveries));
  }

  async function loadDeliveries(subscription, deliveries) {
    deliveries.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await api.get(`/v1/webhooks/${subscription.id}/deliveries`, { query: { limit: DELIVERIES_SHOWN } });
      deliveries.replaceChildren(page.items.length
        ? h('ol', { class: 'list delivery-log' }, ...page.items.map((attempt) => h('li', { class: 'delivery' },
          h('div', { class: 'spread' }, h('strong', {}, eventLabel(attempt.eventType)),
            h('span', { class: `badge ${outcomeClass(attempt)}` }, attempt.statusCode ?? 'no answer')),
          h('p', { class: 'muted' }, `${attempt.eventType} · `,
            h('time', { datetime: attempt.attemptedAt }, formatWhen(attempt.attemptedAt)),
            ` · try ${attempt.attempt} · ${attempt.durationMs} ms`),
          attempt.error ? h('p', { class: 'muted' }, attempt.error) : null,
          attempt.nextAttemptAt ? h('p', { class: 'muted' }, `Next try ${formatWhen(attempt.nextAttemptAt)}`) : null)))
        : h('p', { class: 'muted' }, 'Nothing sent yet.'));
    } catch (problem) {
      deliveries.replaceChildren(loadFailed(problem, () => loadDeliveries(subscription, deliveries)));
    }
  }

  async function enable(subscription, button) {
    await act(button, async () => {
      replace(await api.post(`/v1/webhooks/${subscription.id}/enable`));
      toast('Turned back on');
    });
  }

  async function rotate(subscription, button) {
    if (!window.confirm('Make a new secret? For 24 hours messages are signed with both, so update your tool within a day.')) return;
    let rotated;
    await act(button, async () => {
      rotated = await api.post(`/v1/webhooks/${subscription.id}/rotate-secret`);
    });
    if (rotated) await secretSheet(rotated.secret, 'Your new signing secret', undefined, button);
  }

  async function remove(subscription, button) {
    if (!window.confirm(`Delete the automation to ${subscription.url}? Livecue stops sending there at once.`)) return;
    await act(button, async () => {
      await api.delete(`/v1/webhooks/${subscription.id}`);
      subscriptions.items = subscriptions.items.filter((each) => each.id !== subscription.id);
      renderList();
      toast('Deleted');
    });
  }

  renderList();
  view.replaceChildren(
    h('h2', {}, 'Automations'),
    h('p', { class: 'muted' }, 'Send reminders and live updates to Zapier, Make, n8n or your own tool.'),
    list,
    addForm(api, async (created) => {
      subscriptions.items.push(created);
      renderList();
      await secretSheet(created.secret, 'Your signing secret', undefined,
        list.querySelector(`[data-webhook="${CSS.escape(created.id)}"] button`));
    }),
    apiKeysCard(api));
  return undefined;
}

function addForm(api, onCreated) {
  const url = h('input', { type: 'url', name: 'url', inputmode: 'url', autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'off', placeholder: 'https://hooks.zapier.com/hooks/catch/…', id: 'webhook-url' });
  const description = h('input', { type: 'text', name: 'description', autocomplete: 'off', id: 'webhook-description',
    placeholder: 'Post reminders to Discord' });
  const events = h('fieldset', { name: 'events', id: 'webhook-events', tabindex: '-1',
    'aria-describedby': 'webhook-events-error' },
  h('legend', {}, 'Send these events'),
  ...EVENTS.map(([type, label, hint, checked]) => h('label', { class: 'choice event-choice' },
    h('input', { type: 'checkbox', name: 'event', value: type, checked }),
    h('span', {}, label, hint ? h('span', { class: 'hint' }, hint) : null))),
  h('p', { class: 'field-error', id: 'webhook-events-error' }));
  const submit = h('button', { type: 'submit', class: 'primary block', id: 'webhook-submit' }, 'Add automation');
  const form = h('form', { id: 'webhook-form', novalidate: true },
    field('Webhook URL', url, h('span', {}, 'Zapier: “Webhooks by Zapier” → Catch Hook. Make: “Custom webhook”. ',
      'n8n: the Webhook node’s Production URL. It must start with https://.')),
    field('Name (optional)', description),
    events,
    h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }),
    submit);
  const draft = keepDraft(form, 'webhook');
  submitOnce(form, submit, async (idempotencyKey) => {
    const created = await api.post('/v1/webhooks', {
      url: url.value.trim(),
      events: [...form.querySelectorAll('input[name="event"]:checked')].map((input) => input.value),
      description: description.value.trim() || undefined,
    }, { idempotencyKey });
    draft.clear();
    form.reset();
    clearProblem(form);
    await onCreated(created);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'add-webhook-title' },
    h('h3', { id: 'add-webhook-title' }, 'Add an automation'), form);
}
