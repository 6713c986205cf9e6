// The sheet that shows a secret the one time the API answers it (a webhook's signing secret, a new API key), with
// a copy button. It stays until the creator says it is saved: Escape does not close it.
import { openSheet } from './sheet.js';
import { copyText, h } from './ui.js';

const SIGNING_SECRET = {
  label: 'Signing secret',
  use: 'Your tool uses it to check that a message really comes from Livecue (Standard Webhooks signature).',
};

/**
 * Resolves when the creator pressed "I saved it". `what`: the secret's `label` and a hint on its `use`; focus then
 * goes to `returnTo` (the form's button that opened it is still busy).
 */
export function secretSheet(secret, heading, what = SIGNING_SECRET, returnTo = undefined) {
  return new Promise((resolve) => {
    const copy = h('button', { type: 'button', class: 'block', id: 'copy-secret',
      onclick: () => copyText(secret, what.label) }, `Copy ${what.label.toLowerCase()}`);
    const done = h('button', { type: 'button', class: 'primary block', id: 'secret-done' }, 'I saved it');
    const close = openSheet({ id: 'secret-sheet', labelledBy: 'secret-title', describedBy: 'secret-once', returnTo },
      h('h3', { id: 'secret-title' }, heading),
      h('p', { id: 'secret-once', class: 'banner-inline' },
        'Copy it now and paste it into your automation tool: you will not see it again.'),
      h('textarea', { readonly: true, rows: '2', id: 'secret', 'aria-label': what.label, spellcheck: 'false',
        class: 'secret' }, secret),
      h('p', { class: 'hint' }, what.use),
      h('div', { class: 'stack' }, copy, done));
    copy.focus();
    done.addEventListener('click', () => {
      close();
      resolve();
    });
  });
}
