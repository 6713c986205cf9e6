// Before going live: the checklist (remembered for the rest of the day, so the next live of today starts from
// it) and "Check my connection", which measures the connection, posts the check and shows the verdict, the
// findings and the steps in plain words.
import { BEFORE_LIVE, preferredNetworkType, rememberNetworkType, runCheck } from '../connection.js';
import { checkResult, networkLabel, NETWORK_TYPES } from '../check-result.js';
import { busy, field, h } from '../ui.js';

const CHECKLIST_STORAGE = 'livecue.checklist';

const CHECKLIST = [
  ['lighting', 'Good light on your face (a window or lamp in front of you, not behind)'],
  ['background', 'A clean, tidy background'],
  ['connection', 'Connection checked (below)'],
  ['title', 'Title and thumbnail ready'],
];

/** Where the measuring is, as progress 0..1 over the whole check and in words. */
const STAGES = {
  rtt: [0, 0.25, 'Timing how fast Livecue answers…'],
  download: [0.25, 0.35, 'Measuring how fast data comes in…'],
  upload: [0.6, 0.35, 'Measuring how fast your phone sends (this matters most for a live)…'],
};

const today = () => new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD in the phone's zone

/** The ticks of today; yesterday's are forgotten so every day starts from an empty list. */
function loadTicks() {
  const saved = JSON.parse(localStorage.getItem(CHECKLIST_STORAGE) ?? 'null');
  return new Set(saved?.date === today() ? saved.items : []);
}

function saveTicks(form) {
  const items = [...form.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
  localStorage.setItem(CHECKLIST_STORAGE, JSON.stringify({ date: today(), items }));
}

function checklist() {
  const ticks = loadTicks();
  const form = h('form', { id: 'checklist', class: 'card' },
    h('fieldset', {},
      h('legend', {}, 'Ready to go live?'),
      CHECKLIST.map(([value, label]) => h('label', { class: 'choice block-choice' },
        h('input', { type: 'checkbox', name: 'checklist', value, checked: ticks.has(value) }), label))),
    h('p', { class: 'hint' }, 'Your ticks are kept until the end of today.'));
  form.addEventListener('change', () => saveTicks(form));
  return form;
}

export async function render(view, { api }) {
  const list = checklist();
  const network = h('select', { name: 'networkType', id: 'network-type', onchange: () => rememberNetworkType(network.value) },
    NETWORK_TYPES.map((type) => h('option', { value: type, selected: type === preferredNetworkType() }, networkLabel(type))));
  const start = h('button', { type: 'button', class: 'primary block', id: 'check-connection' }, 'Check my connection');
  const progress = h('progress', { id: 'check-progress', max: '1', value: '0', 'aria-labelledby': 'check-stage' });
  const stage = h('p', { id: 'check-stage', class: 'muted' });
  const working = h('div', { id: 'check-working', hidden: true }, stage, progress);
  const result = h('div', { id: 'check-result', 'aria-live': 'polite' });
  const controller = new AbortController();

  const onProgress = (name, fraction) => {
    const [from, span, words] = STAGES[name];
    progress.value = from + span * Math.min(1, fraction);
    stage.textContent = words;
  };

  start.addEventListener('click', () => busy(start, async () => {
    result.replaceChildren();
    working.hidden = false;
    onProgress('rtt', 0);
    try {
      const check = await runCheck(api, { networkType: network.value, profile: BEFORE_LIVE,
        signal: controller.signal, onProgress });
      result.replaceChildren(...checkResult(check).flat().filter(Boolean));
      tickConnection(list, check);
    } catch (problem) {
      if (problem.name === 'AbortError') return;
      result.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, problem.detail || problem.title),
        h('p', { class: 'muted' }, 'Press "Check my connection" to try again.'));
    } finally {
      working.hidden = true;
    }
    start.textContent = 'Check again';
  }));

  view.replaceChildren(
    h('h2', {}, 'Before going live'),
    list,
    h('section', { class: 'card', 'aria-labelledby': 'connection-title' },
      h('h3', { id: 'connection-title' }, 'Your connection'),
      h('p', { class: 'muted' }, 'Takes a few seconds. Check from the spot you will go live from.'),
      field('You are on', network, 'The steps to fix a weak connection depend on it.'),
      start, working, result),
    h('a', { href: '#/live', class: 'button-link primary', id: 'go-live-link' }, 'Go live'));
  return () => controller.abort();
}

/** A connection good enough to go live ticks its checklist item; a failing one unticks it. */
function tickConnection(list, check) {
  const box = list.querySelector('input[value=connection]');
  box.checked = check.recommendation === 'go_live' || check.recommendation === 'go_live_lower_quality';
  saveTicks(list);
}
