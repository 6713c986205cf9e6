// Small DOM helpers every screen shares: building elements, showing an API problem beside the field it names,
// keeping typed input across errors and reloads, and formatting times in the phone's own time zone.
import { ApiProblem, UNREACHABLE } from './api.js';

/** h('button', {class: 'primary', onclick}, 'Save') -> an element; null/false children are skipped. */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h() for charts: svg('rect', {x: 0, y: 0, width: 10, height: 20}) -> an element in the SVG namespace. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

let fieldIds = 0;

/** A labelled form field with a place for its error: the input's `name` is the API field it fills. */
export function field(label, input, hint) {
  const id = input.id || `f${++fieldIds}`;
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  input.setAttribute('aria-describedby', [hintElement?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hintElement, error);
}

/** The API's field path (`reminders[1]`, `stats.peakViewers`) to the form control that holds it. */
function controlFor(form, path) {
  const candidates = [path, path.replace(/\[\d+]$/, ''), path.replace(/\[\d+]/g, ''), path.split('.').pop()];
  for (const name of candidates) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) return control;
  }
  return null;
}

/** Clears what showProblem wrote. */
export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach((error) => { error.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  const formError = form.querySelector('.form-error');
  if (formError) formError.textContent = '';
}

/**
 * Shows an ApiProblem on a form: each `errors[]` entry beside the control its field names, anything else in the
 * form's `.form-error` (role=alert). Focus goes to the first invalid control, so keyboard and screen-reader
 * users land on what to fix (`{focus: false}` for checks made while the creator types). Nothing typed is cleared.
 */
export function showProblem(form, problem, { focus = true } = {}) {
  clearProblem(form);
  const unplaced = [];
  let first = null;
  for (const { field: path, message } of problem.errors ?? []) {
    const control = path ? controlFor(form, path) : null;
    const slot = control && document.getElementById(`${control.id}-error`);
    if (!slot) {
      unplaced.push(path ? `${path}: ${message}` : message);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const formError = form.querySelector('.form-error');
  if (formError && (unplaced.length || !first)) {
    formError.textContent = unplaced.length ? unplaced.join(' ') : (problem.detail || problem.title);
  }
  if (focus) (first ?? formError)?.focus?.();
}

/**
 * Keeps what is typed into a form in sessionStorage, so a failed request, a reload or a trip to another tab
 * loses nothing. Returns `clear()` for after a successful submit.
 */
export function keepDraft(form, key) {
  const storageKey = `livecue.draft.${key}`;
  const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? '{}');
  for (const control of form.elements) {
    if (!control.name || !(control.name in saved)) continue;
    if (control.type === 'checkbox' || control.type === 'radio') {
      control.checked = [].concat(saved[control.name]).includes(control.value);
    } else {
      control.value = saved[control.name];
    }
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const save = () => {
    const values = {};
    for (const control of form.elements) {
      if (!control.name || control.type === 'password' || control.type === 'submit') continue;
      if (control.type === 'checkbox' || control.type === 'radio') {
        // an empty list is kept too, so a box the creator unticked stays unticked instead of its default
        values[control.name] = [].concat(values[control.name] ?? [], control.checked ? control.value : []);
      } else {
        values[control.name] = control.value;
      }
    }
    sessionStorage.setItem(storageKey, JSON.stringify(values));
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return { clear: () => sessionStorage.removeItem(storageKey) };
}

/**
 * Sends a form with `send(idempotencyKey)` while its submit button is busy, and shows an API problem beside its
 * field. The key stands for the request as typed: a double tap, or a retry after an answer was lost, reuses it (the
 * API answers it once), while an edit, or a request that went through, makes a new one.
 */
export function submitOnce(form, button, send) {
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(button, async () => {
      try {
        await send(idempotencyKey);
        idempotencyKey = crypto.randomUUID();
      } catch (problem) {
        showProblem(form, problem);
      }
    });
  });
}

/** Runs a submit handler with the button disabled and busy, so a double tap sends nothing twice. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export const phoneTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Fri, Dec 4, 7:00 PM" in the given zone (default: the phone's), in the phone's language. */
export function formatWhen(instant, timeZone = phoneTimeZone(), options = {}) {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric',
    hour: 'numeric', minute: '2-digit', timeZone, ...options }).format(new Date(instant));
}

/** "in 2 d 4 h", "in 12 min", "started 5 min ago". */
export function countdown(instant, now = Date.now()) {
  const minutes = Math.round((new Date(instant).getTime() - now) / 60000);
  const span = Math.abs(minutes);
  const text = span >= 2880 ? `${Math.floor(span / 1440)} d ${Math.floor((span % 1440) / 60)} h`
    : span >= 60 ? `${Math.floor(span / 60)} h ${span % 60} min` : `${span} min`;
  return minutes >= 0 ? `in ${text}` : `started ${text} ago`;
}

let toastTimer;
/** A short message read out by screen readers (the toast region is aria-live). */
export function toast(message) {
  const region = document.getElementById('toast');
  region.textContent = message;
  region.classList.add('shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => region.classList.remove('shown'), 4000);
}

export async function copyText(text, what = 'Link') {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied`);
  } catch {
    // clipboard blocked (no permission or not a secure context): let the creator copy by hand
    window.prompt(`Copy the ${what.toLowerCase()}:`, text);
  }
}

function failureWords(problem) {
  if (problem instanceof ApiProblem) return problem.detail || problem.title;
  // the screen's own module did not load: offline on a first visit to the tab
  if (!navigator.onLine || /module|import|fetch/i.test(problem?.message ?? '')) return UNREACHABLE;
  return 'This screen could not be shown.';
}

/** A screen's error state for a failed load, with a retry that re-renders the screen. */
export function loadFailed(problem, retry) {
  return h('div', { class: 'card error', role: 'alert' },
    h('p', {}, failureWords(problem)),
    h('button', { type: 'button', onclick: retry }, 'Try again'));
}

/** busy() for a button whose failure names no field (delete, skip, turn on): the API's problem becomes a toast. */
export function act(button, work) {
  return busy(button, async () => {
    try {
      await work();
    } catch (problem) {
      toast(problem.detail || problem.title);
    }
  });
}
