// Plan a live: one form that becomes POST /v1/schedules. While the creator types, POST /v1/schedules/preview
// (the same rules, nothing stored) shows the title and thumbnail warnings and the dates the repeat gives; on
// submit the created schedule is shown with its next lives. Below the form: the schedules already planned.
import { ApiProblem } from '../api.js';
import { act, clearProblem, field, formatWhen, h, keepDraft, phoneTimeZone, showProblem, submitOnce, toast }
  from '../ui.js';

const PREVIEW_DELAY_MS = 500;
const DEFAULT_COUNT = 12;
const DEFAULT_HOUR = '19:00';
const DAYS = [['MO', 'Mon'], ['TU', 'Tue'], ['WE', 'Wed'], ['TH', 'Thu'], ['FR', 'Fri'], ['SA', 'Sat'], ['SU', 'Sun']];
const DURATIONS = [[30, '30 min'], [45, '45 min'], [60, '1 hour'], [90, '1 h 30 min'], [120, '2 hours'],
  [180, '3 hours'], [240, '4 hours']];
const REMINDERS = [['PT10M', '10 minutes before'], ['PT30M', '30 minutes before'], ['PT1H', '1 hour before'],
  ['PT24H', '1 day before'], ['P7D', '1 week before']];
const REPEATS = [['once', 'Once'], ['weekly', 'Every week'], ['biweekly', 'Every other week']];

/** The RRULE of the repeat choice, or null for a single live. */
function recurrenceOf(repeat, days, count) {
  if (repeat === 'once') return null;
  return ['FREQ=WEEKLY', repeat === 'biweekly' ? 'INTERVAL=2' : null, days.length ? `BYDAY=${days.join(',')}` : null,
    `COUNT=${count}`].filter(Boolean).join(';');
}

/** "tag1, #tag2  tag3" -> ["tag1", "#tag2", "tag3"]: the API strips the # and names the keyword it rejects. */
function keywordsOf(text) {
  return text.split(/[,\s]+/).map((keyword) => keyword.trim()).filter(Boolean);
}

/**
 * The first live of a weekly series: the first chosen weekday on or after the picked date, at the picked time.
 * The API wants a series to start on one of its own lives.
 */
function firstLive(localStart, days) {
  if (!localStart || !days.length) return localStart;
  const [date, time] = localStart.split('T');
  const day = new Date(`${date}T00:00:00Z`);
  for (let i = 0; i < 7; i += 1) {
    if (days.includes(DAYS[(day.getUTCDay() + 6) % 7][0])) return `${day.toISOString().slice(0, 10)}T${time}`;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return localStart;
}

/** "Every week on Mon and Thu, 12 lives": the repeat choice in plain words. */
function repeatWords(repeat, days, count) {
  if (repeat === 'once') return 'One live.';
  const names = days.map((code) => DAYS.find(([each]) => each === code)[1]);
  const on = names.length ? ` on ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}` : '';
  return `${repeat === 'biweekly' ? 'Every other week' : 'Every week'}${on}, ${count} lives.`;
}

/** Tomorrow at 19:00 as a local date-time for an <input type=datetime-local>. */
function defaultStart() {
  const tomorrow = new Date(Date.now() + 86400000);
  const date = [tomorrow.getFullYear(), tomorrow.getMonth() + 1, tomorrow.getDate()]
    .map((part) => String(part).padStart(2, '0')).join('-');
  return `${date}T${DEFAULT_HOUR}`;
}

function timeZones(selected) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([selected, 'UTC', ...zones])].sort();
}

/** A group of choices that the API names as one field (`recurrence`, `reminders`), with its error slot. */
let groups = 0;
function group(legend, name, children, hint) {
  const id = `g${++groups}`;
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  return h('fieldset', { name, id, tabindex: '-1', 'aria-describedby': [hintElement?.id, `${id}-error`, `${id}-warning`]
    .filter(Boolean).join(' ') },
  h('legend', {}, legend), ...children, hintElement, h('p', { class: 'field-error', id: `${id}-error` }),
  h('p', { class: 'field-warning', id: `${id}-warning` }));
}

/** field() with a second slot for the API's warnings (advice that never blocks the plan). */
function warnedField(label, input, hint) {
  const element = field(label, input, hint);
  element.append(h('p', { class: 'field-warning', id: `${input.id}-warning` }));
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby')} ${input.id}-warning`);
  return element;
}

function choice(type, name, value, label, checked) {
  return h('label', { class: 'choice' }, h('input', { type, name, value, checked }), label);
}

function occurrenceLine(occurrence) {
  const here = phoneTimeZone();
  return h('li', { class: 'planned-date' },
    h('time', { datetime: occurrence.start }, formatWhen(occurrence.start)),
    occurrence.timeZone !== here
      ? h('span', { class: 'muted' }, ` · ${formatWhen(occurrence.start, occurrence.timeZone)} in ${occurrence.timeZone}`)
      : null,
    occurrence.status === 'cancelled' ? [' ', h('span', { class: 'badge warn' }, 'Vacation')] : null);
}

// a failed load throws: the router shows it with "Try again"
export async function render(view, { api, me, navigate, params }) {
  const schedules = await api.get('/v1/schedules', { query: { limit: 50 } });

  // lives are planned in the creator's Livecue zone unless they pick another (as Insights reads them)
  const zone = me.timeZone || phoneTimeZone();
  const title = h('input', { name: 'title', type: 'text', autocomplete: 'off', required: true, id: 'plan-title' });
  const description = h('textarea', { name: 'description', rows: '2', id: 'plan-description' });
  const thumbnailUrl = h('input', { name: 'thumbnailUrl', type: 'url', inputmode: 'url', autocomplete: 'off',
    spellcheck: 'false', placeholder: 'https://…/thumbnail.jpg', id: 'plan-thumbnail' });
  const thumbnail = h('img', { class: 'thumb-preview', alt: 'Thumbnail preview', hidden: true, id: 'thumbnail-preview' });
  const keywords = h('input', { name: 'keywords', type: 'text', autocomplete: 'off', autocapitalize: 'off',
    placeholder: 'music, acoustic, qa', id: 'plan-keywords' });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Keywords' });
  const start = h('input', { name: 'start', type: 'datetime-local', required: true, value: defaultStart(), id: 'plan-start' });
  const timeZone = h('select', { name: 'timeZone', id: 'plan-zone' },
    ...timeZones(zone).map((name) => h('option', { value: name, selected: name === zone }, name)));
  const duration = h('select', { name: 'durationMinutes', id: 'plan-duration' },
    ...DURATIONS.map(([minutes, label]) => h('option', { value: String(minutes), selected: minutes === 60 }, label)));
  const count = h('input', { name: 'count', type: 'number', inputmode: 'numeric', min: '1', max: '366',
    value: String(DEFAULT_COUNT), id: 'plan-count', 'aria-label': 'How many lives' });
  const days = h('div', { class: 'days', id: 'plan-days' },
    ...DAYS.map(([code, label]) => choice('checkbox', 'day', code, label, false)));
  // set once the creator picks days themselves; kept with the draft, so a reload still knows
  const daysChosen = h('input', { type: 'hidden', name: 'daysChosen', value: '' });
  const repeatDetails = h('div', { id: 'repeat-details' }, h('p', { class: 'hint' }, 'On these days:'), days,
    daysChosen, h('label', { for: count.id }, 'How many lives'), count);
  const recurrence = group('Repeat', 'recurrence', [
    h('div', { class: 'row' }, ...REPEATS.map(([value, label]) => choice('radio', 'repeat', value, label, value === 'once'))),
    repeatDetails], 'No day chosen: the weekday of the start.');
  const defaults = me.defaultReminders ?? ['PT1H'];
  const reminderOptions = [...REMINDERS, ...defaults.filter((offset) => !REMINDERS.some(([value]) => value === offset))
    .map((offset) => [offset, offset])];
  const reminders = group('Remind followers', 'reminders',
    reminderOptions.map(([value, label]) => choice('checkbox', 'reminder', value, label, defaults.includes(value))),
    'Up to 5. Reminders go to your automations (Automate tab).');
  const promote = h('input', { type: 'checkbox', name: 'promote', value: 'yes', checked: true, id: 'plan-promote' });
  const submit = h('button', { type: 'submit', class: 'primary block', id: 'plan-submit' }, 'Plan this live');
  const comingUp = h('section', { class: 'card coming-up', id: 'plan-preview', 'aria-live': 'polite',
    'aria-labelledby': 'coming-up-title' }, h('h3', { id: 'coming-up-title' }, 'Your lives'),
  h('p', { class: 'muted' }, 'Type a title to see the dates.'));

  const form = h('form', { id: 'plan-form', novalidate: true },
    warnedField('Title', title, 'Put the hook first: phones show about 32 characters.'),
    warnedField('Keywords', keywords, 'Separate with commas. Use one of them in the title.'),
    chips,
    warnedField('Thumbnail URL', thumbnailUrl, 'An https link to a .jpg, .png or .webp image.'),
    thumbnail,
    warnedField('Starts', start, 'A repeating live starts on the first chosen day from this date on.'),
    field('Time zone', timeZone, zone === phoneTimeZone() ? `Your Livecue time zone, and your phone's.`
      : `Your Livecue time zone (your phone is in ${phoneTimeZone()}).`),
    field('Length', duration),
    recurrence,
    reminders,
    h('div', { class: 'field' }, h('label', { class: 'choice' }, promote, 'Promote it (ready-to-post texts in the reminders)')),
    field('Description (optional)', description),
    comingUp,
    h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }),
    submit);

  /** The request body the form stands for. */
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
  const repeatChoice = () => checked('repeat')[0] ?? 'once';
  function body() {
    const repeat = repeatChoice();
    const weekdays = repeat === 'once' ? [] : checked('day');
    return {
      title: title.value,
      description: description.value.trim() || undefined,
      thumbnailUrl: thumbnailUrl.value.trim() || undefined,
      keywords: keywordsOf(keywords.value),
      start: firstLive(start.value, weekdays) || undefined,
      timeZone: timeZone.value,
      durationMinutes: Number(duration.value),
      recurrence: recurrenceOf(repeat, weekdays, count.value || DEFAULT_COUNT) ?? undefined,
      reminders: checked('reminder'),
      promote: promote.checked,
    };
  }

  function showWarnings(warnings) {
    form.querySelectorAll('.field-warning').forEach((slot) => { slot.textContent = ''; });
    const byField = { title, keywords, thumbnailUrl, start, reminders, recurrence };
    for (const warning of warnings ?? []) {
      const control = byField[warning.field] ?? title;
      const slot = document.getElementById(`${control.id}-warning`);
      slot.textContent = slot.textContent ? `${slot.textContent} ${warning.message}.` : `${warning.message}.`;
    }
  }

  function showDates(details) {
    const dates = details.nextOccurrences ?? [];
    comingUp.replaceChildren(h('h3', { id: 'coming-up-title' }, 'Your lives'),
      dates.length ? h('ul', { class: 'list planned-dates' }, ...dates.map(occurrenceLine))
        : h('p', { class: 'muted' }, 'No live in the next year with these settings.'));
  }

  // As-you-type check: only the fields the creator has changed get their errors, and focus stays where it is.
  const touched = new Set();
  let previewTimer;
  let previewing;
  async function preview() {
    previewing?.abort();
    previewing = new AbortController();
    if (!title.value.trim()) return;
    try {
      const details = await api.post('/v1/schedules/preview', body(), { signal: previewing.signal, idempotencyKey: null });
      clearProblem(form);
      showWarnings(details.warnings);
      showDates(details);
    } catch (problem) {
      if (!(problem instanceof ApiProblem) || problem.status === 0) return;
      showWarnings([]); // judged on the last valid form: stale once a field changed, back with the next valid one
      const relevant = problem.errors.filter(({ field: name }) => touched.has(name.replace(/[[.].*$/, '')));
      if (relevant.length) showProblem(form, new ApiProblem({ ...problem, errors: relevant }), { focus: false });
      else clearProblem(form);
    }
  }
  const fieldOf = (control) => ({ repeat: 'recurrence', day: 'recurrence', count: 'recurrence', reminder: 'reminders' })[control.name]
    ?? control.name;
  form.addEventListener('input', (event) => {
    if (event.isTrusted) touched.add(fieldOf(event.target));
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, PREVIEW_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.isTrusted) touched.add(fieldOf(event.target));
    repeatDetails.hidden = form.querySelector('input[name="repeat"]:checked')?.value === 'once';
  });

  keywords.addEventListener('input', () => chips.replaceChildren(
    ...keywordsOf(keywords.value).map((keyword) => h('li', { class: 'chip' }, keyword))));
  thumbnailUrl.addEventListener('input', () => {
    const url = thumbnailUrl.value.trim();
    thumbnail.hidden = true;
    if (/^https?:\/\/\S+$/i.test(url)) thumbnail.src = url;
    else thumbnail.removeAttribute('src');
  });
  thumbnail.addEventListener('load', () => { thumbnail.hidden = false; });
  thumbnail.addEventListener('error', () => { thumbnail.hidden = true; });

  // the start's weekday is the natural first choice of a weekly live: the ticked day follows the start until the
  // creator picks days themselves (a day ticked for an earlier start would move the series to another weekday)
  const startDay = () => DAYS[(new Date(`${start.value}:00`).getDay() + 6) % 7]?.[0];
  const followStart = () => {
    if (daysChosen.value) return;
    const day = startDay();
    form.querySelectorAll('input[name="day"]').forEach((box) => { box.checked = box.value === day; });
  };
  days.addEventListener('change', (event) => { if (event.isTrusted) daysChosen.value = 'yes'; });
  start.addEventListener('input', followStart);
  start.addEventListener('change', followStart);
  const draft = keepDraft(form, 'plan');
  // a make-up slot offered by the Live screen arrives as #/plan?start=&timeZone=&durationMinutes=&title=
  for (const name of ['title', 'start', 'timeZone', 'durationMinutes']) {
    const control = form.elements.namedItem(name);
    const value = params?.[name];
    if (!control || !value || (control.options && ![...control.options].some((option) => option.value === value))) continue;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
  followStart();
  repeatDetails.hidden = form.querySelector('input[name="repeat"]:checked')?.value === 'once';

  submitOnce(form, submit, async (idempotencyKey) => {
    clearTimeout(previewTimer);
    previewing?.abort();
    const created = await api.post('/v1/schedules', body(), { idempotencyKey });
    const repeat = repeatWords(repeatChoice(), checked('day'), count.value || DEFAULT_COUNT);
    draft.clear();
    toast('Planned');
    view.replaceChildren(heading, result(created, repeat), scheduleList);
    schedules.items.unshift(created);
    listSchedules();
    view.querySelector('#plan-result h3')?.focus();
  });

  function result(created, repeat) {
    const warnings = created.warnings ?? [];
    return h('section', { class: 'card', id: 'plan-result', 'aria-labelledby': 'plan-result-title' },
      h('h3', { id: 'plan-result-title', tabindex: '-1' }, `Planned: ${created.title}`),
      h('p', { class: 'muted' }, repeat),
      h('h4', {}, 'Next lives'),
      h('ul', { class: 'list planned-dates', id: 'plan-result-dates' }, ...(created.nextOccurrences ?? []).map(occurrenceLine)),
      warnings.length ? h('div', { class: 'warnings', id: 'plan-result-warnings' }, h('h4', {}, 'Worth fixing'),
        h('ul', {}, ...warnings.map((warning) => h('li', {}, `${warning.message}.`)))) : null,
      h('div', { class: 'row' },
        h('a', { href: '#/next', class: 'button-link', id: 'see-next' }, 'See it in Next lives'),
        h('button', { type: 'button', onclick: () => navigate('#/plan') }, 'Plan another')));
  }

  const scheduleList = h('section', { class: 'card', 'aria-labelledby': 'schedules-title' },
    h('h3', { id: 'schedules-title' }, 'Planned'), h('ul', { class: 'list', id: 'schedules' }));
  function listSchedules() {
    const list = scheduleList.querySelector('#schedules');
    list.replaceChildren(...(schedules.items.length ? schedules.items.map(scheduleItem)
      : [h('li', { class: 'muted' }, 'Nothing planned yet.')]));
  }
  function scheduleItem(schedule) {
    const next = (schedule.nextOccurrences ?? []).find((occurrence) => occurrence.status !== 'cancelled');
    return h('li', { class: 'schedule', dataset: { schedule: schedule.id } },
      h('strong', {}, schedule.title),
      h('p', { class: 'muted' }, next ? `Next: ${formatWhen(next.start)}` : 'No live ahead.',
        schedule.recurrence ? ' · repeats' : ''),
      h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${schedule.title}`,
        onclick: (event) => remove(schedule, event.currentTarget) }, 'Delete'));
  }
  async function remove(schedule, button) {
    if (!window.confirm(`Delete "${schedule.title}" and all its lives? Pending reminders are not sent.`)) return;
    await act(button, async () => {
      await api.delete(`/v1/schedules/${schedule.id}`);
      schedules.items = schedules.items.filter((each) => each.id !== schedule.id);
      listSchedules();
      toast('Deleted');
    });
  }

  const heading = h('h2', {}, 'Plan a live');
  listSchedules();
  view.replaceChildren(heading, form, scheduleList);
  if (title.value.trim()) preview();
  return () => {
    clearTimeout(previewTimer);
    previewing?.abort();
  };
}
