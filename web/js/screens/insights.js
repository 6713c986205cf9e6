// Insights: the creator's numbers over the last 4 or 12 weeks (GET /v1/analytics?weeks=N), as headline figures and
// small SVG charts (hours live per week, punctuality per week, best times as a weekday x hour grid, connection
// trouble), each with a text or table alternative for screen readers, and the sessions as a CSV download.
import { h, loadFailed, phoneTimeZone, svg, toast, busy } from '../ui.js';

const PERIODS = [4, 12];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Chart geometry in SVG user units; the SVG scales to the card's width. */
const CHART = { width: 320, height: 150, top: 18, bottom: 22 };

const number = (value, digits = 0) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);
const percent = (rate) => new Intl.NumberFormat(undefined, { style: 'percent' }).format(rate);
const orDash = (value, format) => (value === null || value === undefined ? '–' : format(value));
/** "1 live", "3 lives". */
const lives = (count, what = 'live') => `${number(count)} ${what}${count === 1 ? '' : 's'}`;

/** "Nov 2" for a week starting 2026-11-02 (a calendar date: formatted in UTC so it never shifts a day). */
function dayLabel(isoDate) {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${isoDate}T00:00:00Z`));
}

/** "7 PM" (or "19" where the phone's language uses a 24-hour clock). */
function hourLabel(hour) {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 1, hour));
}

/** "Fridays 7 PM". */
function slotWords(slot) {
  return `${slot.weekday[0].toUpperCase()}${slot.weekday.slice(1)}s ${hourLabel(slot.hour)}`;
}

function minutesWords(minutes) {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  return rounded % 60 ? `${Math.floor(rounded / 60)} h ${rounded % 60} min` : `${rounded / 60} h`;
}

function delayWords(minutes) {
  if (Math.abs(minutes) < 1) return 'usually right on time';
  return minutes > 0 ? `usually ${minutesWords(minutes)} late` : `usually ${minutesWords(-minutes)} early`;
}

/** A date in the given zone as YYYY-MM-DD (for the CSV's file name). */
function isoDateIn(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })
    .format(new Date(instant));
}

export async function render(view, { api, params }) {
  let weeks = PERIODS.includes(Number(params.weeks)) ? Number(params.weeks) : PERIODS[0];
  let loading = 0;
  const body = h('div', { id: 'insights-body' });
  // a short announcement for screen readers instead of reading out every chart again after a switch
  const status = h('p', { class: 'visually-hidden', role: 'status' });
  const toggle = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Period' },
    ...PERIODS.map((count) => h('button', { type: 'button', id: `period-${count}`, 'aria-pressed': String(count === weeks),
      onclick: () => choose(count) }, `${count} weeks`)));

  function choose(count) {
    if (count === weeks) return;
    weeks = count;
    toggle.querySelectorAll('button').forEach((button) => button.setAttribute('aria-pressed', String(button.id === `period-${count}`)));
    // keeps the choice on reload without re-rendering the screen (the pressed button keeps the focus)
    history.replaceState(null, '', `#/insights?weeks=${count}`);
    load();
  }

  async function load() {
    const ticket = ++loading;
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'muted', id: 'insights-loading' }, 'Loading your numbers…'));
    status.textContent = 'Loading your numbers…';
    try {
      const analytics = await api.get('/v1/analytics', { query: { weeks } });
      if (ticket !== loading) return;
      body.replaceChildren(...content(api, analytics, weeks));
      status.textContent = `Showing the last ${weeks} weeks.`;
    } catch (problem) {
      if (ticket !== loading) return;
      body.replaceChildren(loadFailed(problem, load));
      status.textContent = '';
    } finally {
      if (ticket === loading) body.removeAttribute('aria-busy');
    }
  }

  view.replaceChildren(h('h2', {}, 'Insights'), toggle, status, body);
  await load();
  return () => { loading += 1; };
}

function content(api, a, weeks) {
  if (a.sessions === 0) {
    return [h('section', { class: 'card', id: 'insights-empty' },
      h('h3', {}, 'Go live to see your numbers'),
      h('p', {}, `No lives in the last ${weeks} weeks yet. After your next live, its hours, viewers and followers show up here.`),
      h('a', { href: '#/live' }, 'Go to Live'))];
  }
  const zoneNote = a.timeZone !== phoneTimeZone()
    ? h('p', { class: 'muted', id: 'insights-zone' }, `Days and hours are in ${a.timeZone}, your Livecue time zone.`) : null;
  return [zoneNote, headline(a), hoursCard(a), punctualityCard(a), slotsCard(a), connectionCard(a), csvCard(api, a)]
    .filter(Boolean);
}

function headline(a) {
  const figures = [
    ['sessions', 'Lives', number(a.sessions)],
    ['hours', 'Hours live', number(a.hoursLive, 1)],
    ['duration', 'Average length', orDash(a.avgDurationMinutes, minutesWords)],
    ['peak', 'Average peak viewers', orDash(a.avgPeakViewers, (v) => number(v))],
    ['followers', 'New followers', number(a.newFollowers)],
    ['followers-per-hour', 'Followers per hour live', orDash(a.followersPerHour, (v) => number(v, 1))],
    ['adherence', 'Planned lives held', orDash(a.consistency.adherenceRate, percent)],
  ];
  return h('section', { class: 'card', 'aria-labelledby': 'headline-title' },
    h('h3', { id: 'headline-title' }, 'At a glance'),
    h('dl', { class: 'figures', id: 'headline' }, ...figures.map(([key, label, value]) =>
      h('div', { dataset: { figure: key } }, h('dt', {}, label), h('dd', {}, value)))));
}

/**
 * A bar chart of one bar a week, drawn in SVG: an image for screen readers (its title and summary), the exact
 * numbers in a visually hidden table next to it. `value` may be null (no bar, e.g. a week without planned lives).
 */
function weeklyBars({ id, title, summary, weekly, value, max, barText, columns }) {
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const step = CHART.width / weekly.length;
  const barWidth = Math.max(4, step * 0.6);
  const labelEvery = Math.ceil(weekly.length / 6);
  const top = Math.max(max, ...weekly.map((week) => value(week) ?? 0)) || 1;
  const bars = weekly.map((week, index) => {
    const v = value(week);
    const x = index * step + (step - barWidth) / 2;
    const height = v === null ? 0 : Math.max(v > 0 ? 2 : 0, (v / top) * plotHeight);
    const y = CHART.top + plotHeight - height;
    return svg('g', { class: 'bar', dataset: { week: week.weekStart } },
      v === null ? null : svg('rect', { x, y, width: barWidth, height, rx: 2 }),
      v !== null && weekly.length <= 6 ? svg('text', { x: x + barWidth / 2, y: y - 4, class: 'bar-value' }, barText(week)) : null,
      index % labelEvery === 0
        ? svg('text', { x: x + barWidth / 2, y: CHART.height - 6, class: 'bar-label' }, dayLabel(week.weekStart)) : null);
  });
  const chart = svg('svg', { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', class: 'chart', id: `${id}-chart`,
    'aria-labelledby': `${id}-svg-title ${id}-svg-desc` },
  svg('title', { id: `${id}-svg-title` }, title),
  svg('desc', { id: `${id}-svg-desc` }, summary),
  svg('line', { x1: 0, x2: CHART.width, y1: CHART.top + plotHeight, y2: CHART.top + plotHeight, class: 'axis' }),
  ...bars);
  const table = h('table', { id: `${id}-table` },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week of'), ...columns.map(([label]) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...weekly.map((week) => h('tr', {},
      h('th', { scope: 'row' }, dayLabel(week.weekStart)), ...columns.map(([, cell]) => h('td', {}, cell(week)))))));
  return [chart, h('div', { class: 'visually-hidden' }, table)];
}

function hoursCard(a) {
  const best = a.weekly.reduce((top, week) => (week.hoursLive > top.hoursLive ? week : top), a.weekly[0]);
  const summary = `${number(a.hoursLive, 1)} hours live over ${a.weekly.length} weeks; the most was ${number(best.hoursLive, 1)} hours in the week of ${dayLabel(best.weekStart)}.`;
  return h('section', { class: 'card', 'aria-labelledby': 'hours-title' },
    h('h3', { id: 'hours-title' }, 'Hours live per week'),
    h('p', { class: 'muted' }, summary),
    ...weeklyBars({ id: 'hours', title: 'Hours live per week', summary, weekly: a.weekly, max: 1,
      value: (week) => week.hoursLive, barText: (week) => number(week.hoursLive, 1),
      columns: [['Hours live', (week) => number(week.hoursLive, 2)], ['Lives', (week) => number(week.sessions)]] }));
}

function punctualityCard(a) {
  const p = a.punctuality;
  const parts = [h('h3', { id: 'punctuality-title' }, 'Punctuality')];
  if (p.scheduledSessions === 0) {
    parts.push(h('p', { id: 'punctuality-summary' }, 'Only planned lives count here. Plan your next live to see how often you start on time.'),
      h('a', { href: '#/plan' }, 'Plan a live'));
  } else {
    const summary = `On time for ${percent(p.onTimeRate)} of ${lives(p.scheduledSessions, 'planned live')} (up to ${p.onTimeToleranceMinutes} min late counts as on time), ${delayWords(p.medianDelayMinutes)}.`;
    parts.push(h('p', { id: 'punctuality-summary', class: 'big' }, `${percent(p.onTimeRate)} on time`),
      h('p', { class: 'muted' }, summary),
      ...weeklyBars({ id: 'punctuality', title: 'Share of planned lives started on time, per week', summary, weekly: a.weekly, max: 1,
        value: (week) => week.punctuality.onTimeRate, barText: (week) => percent(week.punctuality.onTimeRate),
        columns: [['On time', (week) => orDash(week.punctuality.onTimeRate, percent)],
          ['Planned lives', (week) => number(week.punctuality.scheduledSessions)]] }));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'punctuality-title' }, ...parts);
}

function slotsCard(a) {
  const parts = [h('h3', { id: 'slots-title' }, 'Best times to go live')];
  if (!a.bestSlots.length) {
    parts.push(h('p', {}, 'Once you end a live with its viewer numbers, your best days and hours show up here.'));
    return h('section', { class: 'card', 'aria-labelledby': 'slots-title' }, ...parts);
  }
  const best = a.bestSlots.map((slot) => `${slot.weekday}@${slot.hour}`);
  const top = Math.max(...a.slots.map((slot) => slot.avgPeakViewers)) || 1;
  const bySlot = new Map(a.slots.map((slot) => [`${slot.weekday}@${slot.hour}`, slot]));
  const left = 34;
  const cell = (CHART.width - left) / 24;
  const headerHeight = 14;
  const cells = [];
  DAYS.forEach((day, row) => {
    cells.push(svg('text', { x: 0, y: headerHeight + row * cell + cell * 0.75, class: 'grid-label' },
      new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + row))));
    for (let hour = 0; hour < 24; hour += 1) {
      const slot = bySlot.get(`${day}@${hour}`);
      cells.push(svg('rect', { x: left + hour * cell + 0.5, y: headerHeight + row * cell + 0.5, width: cell - 1, height: cell - 1,
        rx: 1.5, class: slot ? `heat${best.includes(`${day}@${hour}`) ? ' best' : ''}` : 'heat-empty',
        'fill-opacity': slot ? (0.2 + 0.8 * (slot.avgPeakViewers / top)).toFixed(2) : null,
        dataset: slot ? { slot: `${day}@${hour}` } : null }));
    }
  });
  const hoursAxis = [0, 6, 12, 18].map((hour) => svg('text', { x: left + hour * cell, y: 10, class: 'grid-label' }, hourLabel(hour)));
  const summary = `Your best times by average peak viewers: ${a.bestSlots.map(slotWords).join(', ')}.`;
  parts.push(
    h('p', { class: 'muted' }, 'Darker squares: more viewers at peak on average, by the day and hour a live started.'),
    svg('svg', { viewBox: `0 0 ${CHART.width} ${headerHeight + 7 * cell}`, role: 'img', class: 'chart heatmap', id: 'slots-chart',
      'aria-labelledby': 'slots-svg-title slots-svg-desc' },
    svg('title', { id: 'slots-svg-title' }, 'Average peak viewers by weekday and hour'),
    svg('desc', { id: 'slots-svg-desc' }, summary), ...hoursAxis, ...cells),
    h('ol', { id: 'best-slots', class: 'best-slots' }, ...a.bestSlots.map((slot) => h('li', {},
      h('strong', {}, slotWords(slot)), ` · ${number(slot.avgPeakViewers)} viewers at peak on average`,
      ` (${lives(slot.sessions)})`))),
    h('div', { class: 'visually-hidden' }, h('table', { id: 'slots-table' },
      h('caption', {}, 'Every day and hour you went live'),
      h('thead', {}, h('tr', {}, ...['When', 'Average peak viewers', 'Lives'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, ...a.slots.map((slot) => h('tr', {}, h('th', { scope: 'row' }, slotWords(slot)),
        h('td', {}, number(slot.avgPeakViewers, 1)), h('td', {}, number(slot.sessions))))))));
  return h('section', { class: 'card', 'aria-labelledby': 'slots-title' }, ...parts);
}

function connectionCard(a) {
  const troubled = a.connection.sessionsWithIncidents;
  const text = troubled === 0 ? `No connection trouble in your ${lives(a.sessions)}.`
    : `${number(troubled)} of your ${lives(a.sessions)} had connection trouble.`;
  const share = troubled / a.sessions;
  return h('section', { class: 'card', 'aria-labelledby': 'connection-title' },
    h('h3', { id: 'connection-title' }, 'Connection'),
    h('p', { id: 'connection-summary' }, text),
    svg('svg', { viewBox: `0 0 ${CHART.width} 16`, class: 'chart gauge', 'aria-hidden': 'true' },
      svg('rect', { x: 0, y: 2, width: CHART.width, height: 12, rx: 6, class: 'gauge-ok' }),
      share > 0 ? svg('rect', { x: 0, y: 2, width: Math.max(12, share * CHART.width), height: 12, rx: 6, class: 'gauge-bad' }) : null),
    troubled > 0 ? h('p', {}, 'Before your next live, ', h('a', { href: '#/check' }, 'check your connection'), '.') : null);
}

function csvCard(api, a) {
  const name = `livecue-sessions-${isoDateIn(a.from, a.timeZone)}-${isoDateIn(a.to, a.timeZone)}.csv`;
  const button = h('button', { type: 'button', id: 'download-csv', onclick: () => busy(button, async () => {
    try {
      const response = await api.get('/v1/analytics/sessions.csv', { query: { from: a.from, to: a.to }, raw: true, accept: 'text/csv' });
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      // the download has its own copy once it started; let the browser finish taking it first
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      toast(`Downloading ${name}`);
    } catch (problem) {
      toast(problem.detail || problem.title);
    }
  }) }, 'Download sessions (CSV)');
  return h('section', { class: 'card', 'aria-labelledby': 'csv-title' },
    h('h3', { id: 'csv-title' }, 'Your sessions as a spreadsheet'),
    h('p', { class: 'muted' }, `One row per live of these ${a.weekly.length} weeks, for Excel, Numbers or Google Sheets.`),
    button);
}
