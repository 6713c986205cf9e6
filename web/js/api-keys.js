// The API keys tools call Livecue with (Zapier, Make, n8n, a script): listed by name and the first characters of
// the key, a new one shown once, and each revoked on its own, so one tool can be cut off without touching the
// others or this app. The key this app signed in with (the API marks it `current`) is not revoked here: that
// would sign the app out.
import { secretSheet } from './secret-sheet.js';
import { act, clearProblem, field, formatWhen, h, loadFailed, submitOnce, toast } from './ui.js';

const API_KEY = {
  label: 'API key',
  use: 'Paste it where your tool asks for an API key or a Bearer token (Authorization: Bearer …). It can do all that this app can.',
};

export function apiKeysCard(api) {
  const list = h('ul', { class: 'list', id: 'api-keys' }, h('li', { class: 'muted' }, 'Loading…'));
  let keys = [];

  const renderList = () => list.replaceChildren(...keys.map((key) => h('li', { class: 'api-key', dataset: { key: key.id } },
    h('div', { class: 'spread' }, h('strong', {}, key.name || 'Unnamed key'),
      key.current ? h('span', { class: 'badge good' }, 'This app') : null),
    h('p', { class: 'muted' }, h('code', {}, `${key.prefix}…`), ' · made ',
      h('time', { datetime: key.createdAt }, formatWhen(key.createdAt))),
    key.current ? h('p', { class: 'hint' }, 'To replace it: make a new key, sign in with it, then revoke this one.')
      : h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${key.name || key.prefix}`,
        onclick: (event) => revoke(key, event.currentTarget) }, 'Revoke'))));

  async function load() {
    try {
      keys = (await api.get('/v1/api-keys', { query: { limit: 200 } })).items;
      renderList();
    } catch (problem) {
      list.replaceChildren(loadFailed(problem, load));
    }
  }

  async function revoke(key, button) {
    if (!window.confirm(`Revoke "${key.name || key.prefix}"? Tools using it stop working at once.`)) return;
    await act(button, async () => {
      try {
        await api.delete(`/v1/api-keys/${key.id}`);
        toast('Revoked');
      } catch (problem) {
        if (problem.status !== 404) throw problem;
        toast('That key was already revoked.'); // from another device
      }
      keys = keys.filter((each) => each.id !== key.id);
      renderList();
      name.focus(); // the button that had focus is gone
    });
  }

  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', id: 'api-key-name', maxlength: '64',
    placeholder: 'Zapier' });
  const submit = h('button', { type: 'submit', class: 'primary block', id: 'api-key-submit' }, 'Make a key');
  const form = h('form', { id: 'api-key-form', novalidate: true },
    field('Name (optional)', name, 'Name it after the tool that will use it, to know which key to revoke.'),
    h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }), submit);
  submitOnce(form, submit, async (idempotencyKey) => {
    const { apiKey } = await api.post('/v1/api-keys', { name: name.value.trim() || undefined }, { idempotencyKey });
    form.reset();
    clearProblem(form);
    load(); // in the API's order, as a reload shows it; the key is shown meanwhile, whatever the network does
    await secretSheet(apiKey, 'Your new API key', API_KEY, name);
  });

  load();
  return h('section', { class: 'card', 'aria-labelledby': 'api-keys-title' },
    h('h3', { id: 'api-keys-title' }, 'API keys for your tools'),
    h('p', { class: 'muted' }, 'Tools that call Livecue (to plan a live from a form, say) sign in with a key.'),
    list, form);
}
