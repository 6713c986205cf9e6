// Live: "I'm live" starts a session (for the planned live around now, if there is one); while live the elapsed
// time, a connection check in the background and a banner with the steps when the connection degrades; "End
// live" is the API's two-step close (a sheet with the goodbye to read aloud and the stats, then confirm), and
// "I was cut off" ends the live as interrupted with a suggested make-up slot.
import { DURING_LIVE, runCheck } from '../connection.js';
import { isDegraded, recommendationText, stepsList, verdictBadge } from '../check-result.js';
import { openSheet } from '../sheet.js';
import { busy, countdown, field, formatWhen, h, keepDraft, loadFailed, phoneTimeZone, showProblem, toast } from '../ui.js';

/** The live this phone started, so a reload finds it again at once (verified against the API, never trusted). */
const SESSION_STORAGE = 'livecue.liveSession';
/**
 * Seconds between background connection checks while live: 30 by default. `localStorage['livecue.liveCheckSeconds']`
 * overrides it (the browser tests shorten it to see the banner quickly); never below 5 s, so the checks themselves
 * never crowd out the stream's upload.
 */
const CHECK_SECONDS_SETTING = 'livecue.liveCheckSeconds';
const DEFAULT_CHECK_SECONDS = 30;
const MIN_CHECK_SECONDS = 5;
/** A planned live starting this close to now is the one "I'm live" starts. */
const PLANNED_MATCH_MS = 2 * 3600_000;
/** The API closes a live as abandoned after 12 h; a live still going is always younger than this. */
const LONGEST_LIVE_MS = 13 * 3600_000;

const STATS = [
  ['peakViewers', 'Most viewers at once'],
  ['uniqueViewers', 'Viewers in total'],
  ['newFollowers', 'New followers'],
  ['comments', 'Comments'],
  ['likes', 'Likes'],
  ['shares', 'Shares'],
  ['gifts', 'Gifts'],
];

function checkSeconds() {
  const seconds = Number(localStorage.getItem(CHECK_SECONDS_SETTING));
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(MIN_CHECK_SECONDS, seconds) : DEFAULT_CHECK_SECONDS;
}

/** The creator's live session, if one is going on: the one this phone remembers, else the newest live one. */
async function currentLive(api) {
  const remembered = localStorage.getItem(SESSION_STORAGE);
  if (remembered) {
    try {
      const session = await api.get(`/v1/sessions/${encodeURIComponent(remembered)}`);
      if (session.status === 'live') return session;
    } catch (problem) {
      if (problem.status !== 404) throw problem;
    }
    localStorage.removeItem(SESSION_STORAGE);
  }
  const now = Date.now();
  const page = await api.get('/v1/sessions', { query: { from: new Date(now - LONGEST_LIVE_MS).toISOString(),
    to: new Date(now + 600_000).toISOString(), limit: 200 } });
  return page.items.filter((session) => session.status === 'live').pop() ?? null;
}

/** The planned live nearest to now within two hours either way, or null. */
async function plannedNow(api) {
  const now = Date.now();
  const page = await api.get('/v1/occurrences', { query: { from: new Date(now - PLANNED_MATCH_MS).toISOString(),
    to: new Date(now + PLANNED_MATCH_MS).toISOString(), limit: 50 } });
  const distance = (occurrence) => Math.abs(new Date(occurrence.start).getTime() - now);
  return page.items.filter((occurrence) => occurrence.status === 'scheduled' || occurrence.status === 'moved')
    .sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/** "Fri, Dec 4, 7:00 PM", plus the live's own time where its zone is not the phone's. */
function whenWithZone(instant, timeZone) {
  const here = formatWhen(instant);
  return timeZone && timeZone !== phoneTimeZone() ? `${here} (${formatWhen(instant, timeZone)} in ${timeZone})` : here;
}

function elapsedText(startedAt) {
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(startedAt).getTime()) / 1000));
  const pad = (n) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function delayText(minutes) {
  if (minutes > 0) return `Started ${minutes} min after the planned time.`;
  if (minutes < 0) return `Started ${-minutes} min before the planned time.`;
  return 'Started on time.';
}

function durationText(minutes) {
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

export async function render(view, { api, navigate }) {
  /** Aborted when the creator leaves the screen or the live ends: stops the checks and the clock. */
  let running = new AbortController();
  const stopRunning = () => {
    running.abort();
    running = new AbortController();
  };
  const reload = () => navigate('#/live');

  let session;
  let planned;
  try {
    session = await currentLive(api);
    planned = session ? null : await plannedNow(api);
  } catch (problem) {
    view.replaceChildren(loadFailed(problem, reload));
    return undefined;
  }
  if (session) showLive(session);
  else showStart(planned);
  return () => running.abort();

  function showStart(occurrence) {
    const idempotencyKey = crypto.randomUUID(); // one per screen: a retried tap never starts two lives
    const useOccurrence = occurrence ? h('input', { type: 'checkbox', name: 'occurrenceId', id: 'use-occurrence',
      value: occurrence.occurrenceId, checked: true, 'aria-describedby': 'use-occurrence-error' }) : null;
    const start = h('button', { type: 'submit', class: 'primary block', id: 'start-live' }, 'I\'m live');
    const form = h('form', { id: 'start-form', class: 'card', novalidate: true },
      occurrence ? [
        h('label', { class: 'choice block-choice' }, useOccurrence,
          `This is my planned live: ${occurrence.title}, ${whenWithZone(occurrence.start, occurrence.timeZone)} (${countdown(occurrence.start)})`),
        h('p', { class: 'field-error', id: 'use-occurrence-error' }),
      ] : h('p', { class: 'muted', id: 'unscheduled-note' },
        'No live is planned within two hours of now, so this one counts as an extra, unscheduled live.'),
      h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }),
      start);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      busy(start, async () => {
        try {
          const body = useOccurrence?.checked ? { occurrenceId: useOccurrence.value } : {};
          const started = await api.post('/v1/sessions', body, { idempotencyKey });
          localStorage.setItem(SESSION_STORAGE, started.id);
          showLive(started);
        } catch (problem) {
          showProblem(form, problem);
        }
      });
    });
    view.replaceChildren(h('h2', {}, 'Go live'),
      h('p', {}, 'Start your stream in your streaming app first, then tap "I\'m live" here.'),
      form,
      h('p', {}, h('a', { href: '#/check' }, 'Check my connection first')));
  }

  function showLive(live) {
    session = live;
    const elapsed = h('span', { id: 'elapsed', role: 'timer' }, elapsedText(live.startedAt));
    const status = h('p', { id: 'live-connection', 'aria-live': 'polite' }, 'Checking your connection…');
    // focusable, so a keyboard can scroll its steps when they overflow (it is capped at 45% of the screen)
    const banner = h('div', { class: 'banner', id: 'degraded-banner', role: 'alert', tabindex: '0', hidden: true });
    const endButton = h('button', { type: 'button', class: 'primary block', id: 'end-live' }, 'End live');
    const cutOff = h('button', { type: 'button', class: 'danger block', id: 'cut-off' }, 'My live was cut off');
    endButton.addEventListener('click', () => busy(endButton, () => prepareClose(endButton)));
    cutOff.addEventListener('click', () => busy(cutOff, interrupt));

    view.replaceChildren(
      h('div', { class: 'spread' }, h('h2', {}, 'You\'re live'), h('span', { class: 'badge good', id: 'live-badge' }, 'Live')),
      banner,
      h('section', { class: 'card', id: 'live-card', dataset: { session: live.id } },
        live.title ? h('h3', {}, live.title) : h('h3', {}, 'Unscheduled live'),
        h('p', { class: 'big' }, 'Live for ', elapsed),
        live.scheduledStart ? h('p', { class: 'muted', id: 'live-delay' }, delayText(live.delayMinutes)) : null,
        status,
        h('p', { class: 'hint' }, `Your connection is checked every ${checkSeconds()} seconds while you are live.`)),
      h('div', { class: 'stack' }, endButton, cutOff));

    const { signal } = running;
    const clock = setInterval(() => { elapsed.textContent = elapsedText(live.startedAt); }, 1000);
    signal.addEventListener('abort', () => clearInterval(clock));
    backgroundChecks(live, signal, status, banner);
  }

  /** One check now, then one every checkSeconds() after the last finished, until the signal aborts. */
  function backgroundChecks(live, signal, status, banner) {
    let timer;
    signal.addEventListener('abort', () => clearTimeout(timer));
    const next = async () => {
      try {
        const check = await runCheck(api, { sessionId: live.id, profile: DURING_LIVE, signal });
        showCheck(check, status, banner);
      } catch (problem) {
        if (signal.aborted) return;
        if (problem.status === 409) {
          toast('This live has already ended.');
          reload(); // ended elsewhere (another phone, or the 12 h sweep)
          return;
        }
        status.textContent = `The last connection check failed: ${problem.detail || problem.title}`;
      }
      if (!signal.aborted) timer = setTimeout(next, checkSeconds() * 1000);
    };
    next();
  }

  function showCheck(check, status, banner) {
    const at = new Date(check.measuredAt ?? check.measured.measuredAt).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });
    status.replaceChildren('Connection: ', verdictBadge(check, 'live-verdict'), ` (checked at ${at})`);
    const degraded = isDegraded(check);
    if (!degraded && !banner.hidden) toast('Your connection is back to normal.');
    banner.hidden = !degraded;
    banner.replaceChildren(...(degraded ? [
      h('h3', {}, check.verdict === 'offline' ? 'You seem to be offline' : 'Your connection is weak'),
      h('p', { id: 'banner-recommendation' }, recommendationText(check.recommendation, { live: true })),
      stepsList(check.steps, 'banner-steps'),
    ] : []));
  }

  /** Step one of the end: the goodbye and a confirmation token. Nothing ends until confirmed. */
  async function prepareClose(endButton) {
    try {
      const prepared = await api.post(`/v1/sessions/${session.id}/close`, { reason: 'planned' });
      openCloseSheet(prepared, endButton);
    } catch (problem) {
      toast(problem.detail || problem.title);
    }
  }

  function openCloseSheet(prepared, endButton) {
    let token = prepared.confirmationToken;
    const script = h('p', { class: 'big', id: 'goodbye-script' });
    const nextLive = h('p', { class: 'muted', id: 'goodbye-next' });
    const showGoodbye = (goodbye) => {
      script.textContent = goodbye.script;
      nextLive.textContent = goodbye.nextLive
        ? `Next live: ${goodbye.nextLive.title}, ${whenWithZone(goodbye.nextLive.start, goodbye.nextLive.timeZone)}`
        : 'No next live is planned yet: plan one after this live so followers know when to come back.';
    };
    showGoodbye(prepared.goodbye);

    const tokenProblem = h('div', { id: 'token-problem', role: 'alert', hidden: true });
    const confirm = h('button', { type: 'submit', class: 'primary block', id: 'confirm-end' }, 'Confirm end');
    const keepLive = h('button', { type: 'button', class: 'block', id: 'keep-live' }, 'Not yet, keep going live');
    const form = h('form', { id: 'close-form', novalidate: true },
      h('h3', {}, 'How did it go?'),
      h('p', { class: 'hint' }, 'Numbers from your streaming app. Leave out what you don\'t know.'),
      h('div', { class: 'stats-grid' }, STATS.map(([name, label]) => field(label,
        h('input', { name: `stats.${name}`, inputmode: 'numeric', autocomplete: 'off', enterkeyhint: 'next' })))),
      h('p', { class: 'form-error', role: 'alert', tabindex: '-1' }),
      tokenProblem, confirm, keepLive);
    const draft = keepDraft(form, `close.${session.id}`);

    const close = openSheet({ id: 'close-sheet', labelledBy: 'close-title', onEscape: () => close(), returnTo: endButton },
      h('h2', { id: 'close-title' }, 'Read this goodbye aloud'), script, nextLive, form);
    keepLive.addEventListener('click', () => close());
    running.signal.addEventListener('abort', close); // leaving the screen (back button) takes the sheet along

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await busy(confirm, async () => {
        tokenProblem.hidden = true;
        try {
          const closed = await api.post(`/v1/sessions/${session.id}/close/confirm`,
            { confirmationToken: token, stats: statsOf(form) });
          draft.clear();
          close();
          ended(closed);
        } catch (problem) {
          if (problem.status === 409 || problem.status === 410) offerCloseAgain(problem);
          else showProblem(form, problem);
        }
      });
      // a spent token cannot end the live: Confirm waits until the end is prepared again
      confirm.disabled = !tokenProblem.hidden;
    });

    /** A token that expired (410) or was replaced by a newer close (409): the live goes on; prepare it again. */
    function offerCloseAgain(problem) {
      const again = h('button', { type: 'button', id: 'close-again' }, 'Prepare the end again');
      const said = h('p', { class: 'form-error' }, problem.status === 410
        ? 'Ending took too long and the confirmation expired. You are still live.'
        : 'This end was replaced by a newer one (perhaps from another screen). You are still live.');
      tokenProblem.replaceChildren(said, again);
      tokenProblem.hidden = false;
      again.addEventListener('click', async () => {
        await busy(again, async () => {
          try {
            const fresh = await api.post(`/v1/sessions/${session.id}/close`, { reason: 'planned' });
            token = fresh.confirmationToken;
            showGoodbye(fresh.goodbye);
            tokenProblem.hidden = true;
            confirm.disabled = false;
            confirm.focus();
          } catch (failure) {
            said.textContent = failure.detail || failure.title;
            if (failure.status === 409) {
              again.remove();
              setTimeout(() => { close(); reload(); }, 3000); // not live any more
            }
          }
        });
        // a try that failed (offline, say) leaves the button to try again: it lost focus while busy
        if (!tokenProblem.hidden && again.isConnected) again.focus();
      });
      again.focus();
    }
  }

  /**
   * The stats as the API takes them: whole numbers as numbers, blanks left out; anything else is sent as typed
   * so the API's message about it lands beside its field.
   */
  function statsOf(form) {
    const stats = {};
    for (const [name] of STATS) {
      const value = form.elements[`stats.${name}`].value.trim();
      if (value) stats[name] = /^\d+$/.test(value) ? Number(value) : value;
    }
    return stats;
  }

  function ended(closed) {
    stopRunning();
    localStorage.removeItem(SESSION_STORAGE);
    const stats = closed.stats ?? {};
    view.replaceChildren(
      h('h2', {}, 'Live ended'),
      h('section', { class: 'card', id: 'live-summary', 'aria-labelledby': 'summary-title' },
        h('h3', { id: 'summary-title' }, closed.title ?? 'Unscheduled live'),
        h('dl', { class: 'numbers' },
          h('dt', {}, 'Duration'), h('dd', { id: 'summary-duration' }, durationText(closed.durationMinutes ?? 0)),
          h('dt', {}, 'Replay available until'),
          h('dd', { id: 'summary-replay' }, closed.replayAvailableUntil ? formatWhen(closed.replayAvailableUntil) : 'No replay'),
          STATS.flatMap(([name, label]) => [h('dt', {}, label), h('dd', { dataset: { stat: name } }, name in stats ? String(stats[name]) : 'Not given')])),
        closed.goodbye?.nextLive ? h('p', {}, `Next live: ${whenWithZone(closed.goodbye.nextLive.start, closed.goodbye.nextLive.timeZone)}`) : null),
      h('p', {}, h('a', { href: '#/next' }, 'See your next lives'), ' · ', h('a', { href: '#/insights' }, 'See insights')));
    view.focus();
  }

  async function interrupt() {
    if (!window.confirm('End this live as cut off? Livecue then suggests a time to make it up.')) return;
    try {
      const interrupted = await api.post(`/v1/sessions/${session.id}/interrupt`, { reason: 'connection' });
      stopRunning();
      localStorage.removeItem(SESSION_STORAGE);
      showInterrupted(interrupted);
    } catch (problem) {
      toast(problem.detail || problem.title);
    }
  }

  function showInterrupted(interrupted) {
    const slot = interrupted.makeUp;
    const plan = slot ? `#/plan?${new URLSearchParams({ start: slot.localStart, timeZone: slot.timeZone,
      durationMinutes: slot.durationMinutes, ...(interrupted.title ? { title: interrupted.title } : {}) })}` : null;
    view.replaceChildren(
      h('h2', {}, 'Live cut off'),
      h('section', { class: 'card', id: 'interrupted-summary' },
        h('p', {}, `Your live was cut off after ${durationText(interrupted.durationMinutes ?? 0)}. Followers will understand: offer them a make-up.`),
        slot ? [
          h('p', { class: 'big', id: 'make-up-slot' }, `Make it up on ${whenWithZone(slot.start, slot.timeZone)}`),
          h('a', { href: plan, class: 'button-link primary', id: 'plan-make-up' }, 'Plan the make-up live'),
        ] : h('p', { id: 'make-up-slot' },
          'Every day of the next two weeks already has a live planned: your next regular live is the make-up.')),
      h('p', {}, h('a', { href: '#/check' }, 'Check my connection')));
    view.focus();
  }
}
