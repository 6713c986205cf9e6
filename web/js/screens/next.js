// Next lives: the upcoming occurrences of every schedule with a countdown and status, moving or skipping one,
// the vacation, and the calendar-feed link to subscribe to in Google or Apple Calendar.
import { ApiProblem } from '../api.js';
import { openSheet } from '../sheet.js';
import { busy, copyText, countdown, field, formatWhen, h, keepDraft, loadFailed, showProblem, toast } from '../ui.js';

const DAYS_AHEAD = 30;

const STATUS_BADGES = {
  cancelled: ['Skipped', 'bad'],
  moved: ['Moved', 'warn'],
  live: ['Live now', 'good'],
  held: ['Held', 'good'],
  missed: ['Missed', 'bad'],
};

function badgeOf(occurrence) {
  if (occurrence.status === 'cancelled' && occurrence.cancelledBy === 'vacation') return h('span', { class: 'badge warn' }, 'Vacation');
  const badge = STATUS_BADGES[occurrence.status];
  return badge ? h('span', { class: `badge ${badge[1]}` }, badge[0]) : null;
}

export async function render(view, { api, navigate }) {
  let occurrences;
  let vacation;
  let feed;
  try {
    const to = new Date(Date.now() + DAYS_AHEAD * 86400000).toISOString();
    [occurrences, vacation, feed] = await Promise.all([
      api.get('/v1/occurrences', { query: { to, limit: 50 } }),
      api.get('/v1/vacation'),
      api.get('/v1/calendar'),
    ]);
  } catch (problem) {
    view.replaceChildren(loadFailed(problem, () => navigate('#/next')));
    return undefined;
  }

  const list = h('ul', { class: 'list', id: 'occurrences' });
  let closeSheet = () => {};
  const render = () => list.replaceChildren(...(occurrences.items.length ? occurrences.items.map(item)
    : [h('li', { class: 'card' }, h('p', {}, `Nothing planned in the next ${DAYS_AHEAD} days.`),
      h('a', { href: '#/plan' }, 'Plan a live'))]));

  function item(occurrence) {
    const skippable = occurrence.status === 'scheduled' || occurrence.status === 'moved';
    const countdownText = h('span', { class: 'countdown', dataset: { start: occurrence.start } },
      countdown(occurrence.start));
    return h('li', { class: 'card occurrence', tabindex: '-1',
      dataset: { occurrence: occurrence.occurrenceId, status: occurrence.status } },
      h('div', { class: 'spread' }, h('h3', {}, occurrence.title), badgeOf(occurrence)),
      h('p', {}, h('time', { datetime: occurrence.start }, formatWhen(occurrence.start)), ' · ', countdownText),
      occurrence.timeZone !== Intl.DateTimeFormat().resolvedOptions().timeZone
        ? h('p', { class: 'muted' }, `${formatWhen(occurrence.start, occurrence.timeZone)} in ${occurrence.timeZone}`) : null,
      occurrence.status === 'moved' && occurrence.originalStart
        ? h('p', { class: 'muted' }, `Moved from ${formatWhen(occurrence.originalStart)}`) : null,
      skippable ? h('div', { class: 'row' },
        h('button', { type: 'button', 'aria-label': `Move this one: ${occurrence.title}, ${formatWhen(occurrence.start)}`,
          onclick: (event) => move(occurrence, event.currentTarget) }, 'Move this one'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Skip this one: ${occurrence.title}, ${formatWhen(occurrence.start)}`,
          onclick: (event) => skip(occurrence, event.currentTarget) }, 'Skip this one')) : null);
  }

  /** Shows the occurrence as the API answered it, in start order, with focus on it (its buttons were replaced). */
  function replace(updated) {
    occurrences.items = occurrences.items.map((each) => (each.occurrenceId === updated.occurrenceId ? updated : each))
      .sort((a, b) => a.start.localeCompare(b.start));
    render();
    list.querySelector(`[data-occurrence="${CSS.escape(updated.occurrenceId)}"]`)?.focus();
  }

  /** A live deleted or changed from another device meanwhile: show the lives as they are now. */
  function gone() {
    toast('This live is no longer planned.');
    navigate('#/next');
  }

  /** Moves one live of a series (the series stays), in the live's own time zone. */
  function move(occurrence, button) {
    const start = h('input', { name: 'start', type: 'datetime-local', required: true, id: 'move-start',
      value: occurrence.localStart.slice(0, 16) });
    const submit = h('button', { type: 'submit', class: 'primary block', id: 'move-submit' }, 'Move this live');
    const keep = h('button', { type: 'button', class: 'block' }, 'Keep it as it is');
    const form = h('form', { id: 'move-form', novalidate: true },
      field(`New day and time (${occurrence.timeZone})`, start, 'Only this live moves; the others stay. Its reminders follow.'),
      h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }), h('div', { class: 'stack' }, submit, keep));
    // while the move is being sent the sheet stays: its answer (or problem) belongs in it
    const leave = () => { if (!submit.disabled) closeSheet(); };
    closeSheet = openSheet({ id: 'move-sheet', labelledBy: 'move-title', onEscape: leave, returnTo: button },
      h('h2', { id: 'move-title' }, `Move "${occurrence.title}"`),
      h('p', { class: 'muted' }, `Now ${formatWhen(occurrence.start, occurrence.timeZone)} in ${occurrence.timeZone}.`),
      form);
    keep.addEventListener('click', leave);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      keep.disabled = true;
      busy(submit, async () => {
        try {
          if (!start.value) throw new ApiProblem({ errors: [{ field: 'start', message: 'Pick a day and time.' }] });
          const updated = await api.patch(`/v1/schedules/${occurrence.scheduleId}/occurrences/${occurrence.occurrenceId}`,
            { start: start.value, timeZone: occurrence.timeZone });
          closeSheet();
          replace(updated);
          toast(`Moved to ${formatWhen(updated.start)}. Its reminders follow.`);
        } catch (problem) {
          if (problem.status === 404) {
            closeSheet();
            gone();
          } else {
            showProblem(form, problem);
          }
        }
      }).finally(() => { keep.disabled = false; });
    });
  }

  async function skip(occurrence, button) {
    if (!window.confirm(`Skip "${occurrence.title}" on ${formatWhen(occurrence.start)}? Its reminders are not sent.`)) return;
    await busy(button, async () => {
      try {
        const updated = await api.post(`/v1/schedules/${occurrence.scheduleId}/occurrences/${occurrence.occurrenceId}/cancel`);
        replace(updated);
        toast('Skipped. Followers will not be reminded.');
      } catch (problem) {
        if (problem.status === 404) gone();
        else toast(problem.detail || problem.title);
      }
    });
  }

  render();
  const ticker = setInterval(() => list.querySelectorAll('.countdown')
    .forEach((element) => { element.textContent = countdown(element.dataset.start); }), 30000);

  view.replaceChildren(
    h('h2', {}, 'Next lives'),
    list,
    vacationCard(api, vacation, () => navigate('#/next')),
    feedCard(feed));
  return () => {
    clearInterval(ticker);
    closeSheet(); // leaving the screen (back button) takes an open sheet along
  };
}

function vacationCard(api, vacation, reload) {
  const from = h('input', { type: 'date', name: 'from', required: true });
  const to = h('input', { type: 'date', name: 'to', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Set vacation');
  const form = h('form', { id: 'vacation', novalidate: true },
    field('First day off', from), field('Last day off', to), h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }), submit);
  const draft = keepDraft(form, 'vacation');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(submit, async () => {
      try {
        const missing = [['from', from], ['to', to]].filter(([, input]) => !input.value)
          .map(([name]) => ({ field: name, message: 'Pick a date.' }));
        if (missing.length) throw new ApiProblem({ errors: missing });
        await api.put('/v1/vacation', { from: from.value, to: to.value });
        draft.clear();
        toast('Vacation set: lives inside it are skipped and get no reminders.');
        reload();
      } catch (problem) {
        showProblem(form, problem);
      }
    });
  });
  const end = vacation ? h('button', { type: 'button', onclick: (event) => busy(event.currentTarget, async () => {
    try {
      await api.delete('/v1/vacation');
      toast('Vacation ended: reminders are planned again.');
      reload();
    } catch (problem) {
      toast(problem.detail || problem.title);
    }
  }) }, 'End vacation') : null;
  return h('section', { class: 'card', 'aria-labelledby': 'vacation-title' },
    h('h3', { id: 'vacation-title' }, 'Vacation'),
    vacation ? h('p', { id: 'vacation-current' }, `Off from ${vacation.from} to ${vacation.to}.`, ' ', end)
      : h('p', { class: 'muted' }, 'Taking a break? Lives inside it are skipped and followers get no reminders.'),
    form);
}

function feedCard(feed) {
  // the API answers a path when it has no public base URL configured: same origin as the app, so resolve it here
  const url = new URL(feed.url, location.origin).href;
  return h('section', { class: 'card', 'aria-labelledby': 'feed-title' },
    h('h3', { id: 'feed-title' }, 'Calendar feed'),
    h('p', { class: 'muted' }, 'Subscribe to this link in Google or Apple Calendar to see every planned live.'),
    h('input', { type: 'url', readonly: true, value: url, 'aria-label': 'Calendar feed link', id: 'feed-url' }),
    h('p', {}),
    h('button', { type: 'button', id: 'copy-feed', onclick: () => copyText(url, 'Calendar link') }, 'Copy link'));
}
