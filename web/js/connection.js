// Measures the phone's connection against Livecue's probe endpoints and builds the body of
// POST /v1/connection-checks. Everything is timed with performance.now() on requests that bypass every cache, so
// the numbers are what the network does right now (DevTools network throttling included). Every request has its
// own time limit and the whole measurement can be aborted, so a dead connection ends in an offline result
// instead of a spinner that never stops.
import { storedKey } from './api.js';

const PROBE = '/v1/connection-checks/probe';
const MAX_PROBE_BYTES = 4 * 1024 * 1024;
const FIRST_PROBE_BYTES = 32 * 1024;
/** Round trips timed for RTT and jitter, after one that opens the connection and is not counted. */
const PINGS = 5;
const PING_TIMEOUT_MS = 4000;
const TRANSFER_TIMEOUT_MS = 10000;

/** A full check before going live: transfers grow until one takes about a second, up to the probes' 4 MB. */
export const BEFORE_LIVE = { targetMs: 1000, maxBytes: MAX_PROBE_BYTES };
/**
 * A check during a live: the stream itself needs the upload, so the transfers stay short and small (1 MB at
 * most) and a check every 30 s does not itself make the stream stutter.
 */
export const DURING_LIVE = { targetMs: 500, maxBytes: 1024 * 1024 };

/** The browser's connection type, where it tells it (Android Chrome does; desktop browsers mostly do not). */
export function detectedNetworkType() {
  const type = navigator.connection?.type;
  if (type === 'wifi') return 'wifi';
  if (type === 'cellular' || type === 'wimax') return 'cellular';
  if (type === 'ethernet') return 'ethernet';
  return 'unknown';
}

const NETWORK_CHOICE = 'livecue.networkType';

/** The network the creator said they are on (Check screen), else what the browser tells. */
export function preferredNetworkType() {
  return localStorage.getItem(NETWORK_CHOICE) ?? detectedNetworkType();
}

export function rememberNetworkType(networkType) {
  localStorage.setItem(NETWORK_CHOICE, networkType);
}

/** Thrown for a probe that got no answer in time, or no answer at all. */
class NoAnswer extends Error {}

/** One probe request with its own time limit; the caller's abort (leaving the screen) wins and is rethrown. */
async function probe(path, { method = 'GET', body, timeoutMs, signal, onChunk }) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout].filter(Boolean));
  const headers = { Authorization: `Bearer ${storedKey()}` };
  if (body) headers['Content-Type'] = 'application/octet-stream';
  try {
    const response = await fetch(path, { method, headers, body, cache: 'no-store', signal: both });
    if (!response.ok) throw new NoAnswer(`probe answered ${response.status}`);
    if (!onChunk) return await response.json();
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) onChunk(chunk.value.byteLength);
    return null;
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof NoAnswer) throw error;
    throw new NoAnswer(timeout.aborted ? 'timed out' : error.message);
  }
}

/** Random bytes, so nothing on the way can compress the upload and make it look faster than it is. */
function randomBytes(size) {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  return bytes;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Empty round trips: RTT is their median (one slow outlier does not decide), jitter the mean absolute difference
 * of consecutive round trips (how much the delay jumps around, as RFC 3550 treats it). Null when none came back.
 */
async function roundTrips(signal, progress) {
  const times = [];
  for (let i = 0; i <= PINGS; i++) {
    progress('rtt', i / (PINGS + 1));
    const started = performance.now();
    try {
      await probe(`${PROBE}?bytes=0`, { timeoutMs: PING_TIMEOUT_MS, signal, onChunk: () => {} });
      if (i > 0) times.push(performance.now() - started);
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      if (i === 0) return null; // not even the first answered: the connection is down, skip the rest
    }
  }
  if (!times.length) return null;
  const steps = times.slice(1).map((time, i) => Math.abs(time - times[i]));
  return { rttMs: median(times), jitterMs: steps.length ? steps.reduce((a, b) => a + b, 0) / steps.length : 0 };
}

/**
 * Megabits per second of one transfer. The round trip is taken off the elapsed time (the request has to get
 * there and the first byte back before any data flows), but never more than half of it, so a tiny transfer on a
 * fast link does not divide by almost nothing.
 */
function mbps(bytes, elapsedMs, rttMs) {
  const transferMs = Math.max(elapsedMs - (rttMs ?? 0), elapsedMs / 2, 1);
  return (bytes * 8) / (transferMs * 1000);
}

/**
 * Times transfers of growing size until one takes `targetMs` (or the largest allowed size is reached) and answers
 * the speed of the last one: short enough on a slow link, long enough on a fast one to be more than noise. A
 * transfer that runs out of time still counts with what got through (download) or as at most its size over the
 * time limit (upload), so a very slow link gives a very low number rather than none.
 */
async function transferSpeed(kind, { targetMs, maxBytes }, rttMs, signal, progress) {
  let speed = null;
  for (let size = FIRST_PROBE_BYTES; ; size = Math.min(maxBytes, size * 4)) {
    progress(kind, Math.log2(size / FIRST_PROBE_BYTES) / Math.log2(maxBytes / FIRST_PROBE_BYTES));
    let moved = 0;
    const started = performance.now();
    try {
      if (kind === 'download') {
        await probe(`${PROBE}?bytes=${size}`, { timeoutMs: TRANSFER_TIMEOUT_MS, signal, onChunk: (n) => { moved += n; } });
      } else {
        await probe(PROBE, { method: 'POST', body: randomBytes(size), timeoutMs: TRANSFER_TIMEOUT_MS, signal });
        moved = size;
      }
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      const elapsed = performance.now() - started;
      const partial = kind === 'download' ? mbps(moved, elapsed, rttMs) : mbps(size, TRANSFER_TIMEOUT_MS, rttMs);
      return speed ?? partial;
    }
    const elapsed = performance.now() - started;
    speed = mbps(moved, elapsed, rttMs);
    if (elapsed >= targetMs || size >= maxBytes) return speed;
  }
}

const round = (value, digits) => (value === null ? null : Number(value.toFixed(digits)));

/**
 * Measures the connection. Answers `{check, offline}`: `check` is the body for POST /v1/connection-checks (with
 * `sessionId` during a live), `offline` is true when not even an empty round trip came back, in which case the
 * speeds are 0 (the API judges that `offline`). `onProgress(stage, fraction)` tells what is being measured:
 * stage is rtt, download or upload, fraction 0..1 within it. Rejects with an AbortError when `signal` aborts.
 */
export async function measureConnection({ networkType = preferredNetworkType(), sessionId, profile = BEFORE_LIVE,
                                          signal, onProgress = () => {} } = {}) {
  const measuredAt = new Date().toISOString();
  const base = { measuredAt, networkType, ...(sessionId ? { sessionId } : {}) };
  const trips = await roundTrips(signal, onProgress);
  if (!trips) {
    return { offline: true, check: { ...base, downloadMbps: 0, uploadMbps: 0 } };
  }
  const downloadMbps = await transferSpeed('download', profile, trips.rttMs, signal, onProgress);
  const uploadMbps = await transferSpeed('upload', profile, trips.rttMs, signal, onProgress);
  return {
    offline: false,
    check: { ...base, downloadMbps: round(downloadMbps, 2), uploadMbps: round(uploadMbps, 2),
      rttMs: round(trips.rttMs, 1), jitterMs: round(trips.jitterMs, 1) },
  };
}

/** What to do without any connection, for when even posting the check fails (the API gives these words otherwise). */
export const OFFLINE_STEPS = [
  'Check that Wi-Fi or mobile data is on and connected: a web page should open.',
  'Move closer to the Wi-Fi router, or to a spot with better mobile signal.',
  'Turn Wi-Fi or mobile data off and on again to reconnect.',
  'Restart the app and run the check again.',
];

/**
 * Measures and posts a check. Answers the API's judged check plus the measured numbers; when the check cannot
 * be posted because the connection is gone, an offline judgement made here, marked `local: true`.
 */
export async function runCheck(api, options) {
  const { check } = await measureConnection(options);
  try {
    return { ...(await api.post('/v1/connection-checks', check, { signal: options?.signal })), measured: check };
  } catch (problem) {
    if (problem.status !== 0) throw problem; // the connection went away between measuring and posting
    return { verdict: 'offline', score: 0, findings: [], steps: OFFLINE_STEPS, recommendation: 'wait_and_retry',
      measured: check, local: true };
  }
}
