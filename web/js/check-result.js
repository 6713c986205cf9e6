// How a judged connection check reads to a creator: the verdict badge, what to do in one sentence, each finding
// as a plain sentence with its number and the number it should be, the measured numbers and the ordered steps.
// Shared by the Check screen and the Live screen's banner.
import { h } from './ui.js';

const VERDICTS = { excellent: 'Excellent', good: 'Good', fair: 'Fair', poor: 'Poor', offline: 'Offline' };

const RECOMMENDATIONS = {
  go_live: 'Your connection is ready. Go live!',
  go_live_lower_quality: 'You can go live, but pick 720p (lower quality) in your streaming app so the picture stays smooth.',
  wait_and_retry: 'Don\'t go live yet: work through the steps below, then check again.',
  end_and_reschedule: 'Your connection keeps failing. Tell your viewers, end the live and plan it again for later.',
};

/** While already live, "don't go live yet" makes no sense: the same advice in the words of a running live. */
const RECOMMENDATIONS_WHILE_LIVE = {
  ...RECOMMENDATIONS,
  go_live: 'Your connection is fine.',
  go_live_lower_quality: 'Switch to 720p (lower quality) in your streaming app so the picture stays smooth.',
  wait_and_retry: 'Your stream may stutter or drop. Work through these steps, in this order:',
};

const NETWORKS = { wifi: 'Wi-Fi', cellular: 'Mobile data', ethernet: 'Cable', unknown: 'Not sure' };

/** "0.25", "4.2", "31": as many decimals as the size of the number deserves. */
function number(value) {
  const digits = value < 1 ? 2 : value < 10 ? 1 : 0;
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);
}

const mbps = (value) => `${number(value)} Mbps`;
const ms = (value) => `${number(value)} ms`;

/** One sentence per metric: what it is in everyday words, the measured value, and what it should be. */
const FINDINGS = {
  uploadMbps: (f) => (f.severity === 'critical'
    ? `Your phone sends only ${mbps(f.value)}; a live needs at least ${mbps(f.threshold)}.`
    : `Your phone sends ${mbps(f.value)}: enough for 720p, but a sharp 1080p live needs ${mbps(f.threshold)}.`),
  downloadMbps: (f) => `Data comes in at only ${mbps(f.value)} (should be at least ${mbps(f.threshold)}): chat, comments and gifts will lag.`,
  rttMs: (f) => `Livecue takes ${ms(f.value)} to answer (should be under ${ms(f.threshold)}): `
    + (f.severity === 'critical' ? 'the stream will stall.' : 'viewers see you with a delay.'),
  jitterMs: (f) => `The delay jumps around by ${ms(f.value)} (should be under ${ms(f.threshold)}): the picture may stutter.`,
  packetLossPct: (f) => `${number(f.value)}% of the data gets lost (should be under ${number(f.threshold)}%): the picture may freeze.`,
};

export const verdictLabel = (verdict) => VERDICTS[verdict] ?? verdict;
export const recommendationText = (recommendation, { live = false } = {}) =>
  (live ? RECOMMENDATIONS_WHILE_LIVE : RECOMMENDATIONS)[recommendation] ?? '';
export const networkLabel = (networkType) => NETWORKS[networkType] ?? NETWORKS.unknown;
export const NETWORK_TYPES = Object.keys(NETWORKS);

/** A poor or offline check, or the API's advice to end the live: the Live screen shows its banner then. */
export const isDegraded = (check) => check.verdict === 'poor' || check.verdict === 'offline'
  || check.recommendation === 'end_and_reschedule';

export function verdictBadge(check, id) {
  return h('span', { class: `badge verdict-${check.verdict}`, id, dataset: { verdict: check.verdict } },
    verdictLabel(check.verdict));
}

export function stepsList(steps, id) {
  return h('ol', { class: 'steps', id }, steps.map((step) => h('li', {}, step)));
}

function findingsList(findings, id) {
  return h('ul', { class: 'findings', id }, findings.map((finding) => h('li',
    { class: `finding ${finding.severity}`, dataset: { metric: finding.metric } },
    (FINDINGS[finding.metric] ?? (() => finding.message))(finding))));
}

function numbersList(measured) {
  const rows = [
    ['Sending (upload)', measured.uploadMbps, mbps],
    ['Receiving (download)', measured.downloadMbps, mbps],
    ['Answer time', measured.rttMs, ms],
    ['Delay jumps', measured.jitterMs, ms],
  ].filter(([, value]) => value !== null && value !== undefined);
  return h('dl', { class: 'numbers', id: 'check-numbers' }, rows.flatMap(([label, value, format]) => [
    h('dt', {}, label), h('dd', { dataset: { value } }, format(value))]));
}

/** The whole judged check: verdict and score, the advice, the numbers, findings and steps. */
export function checkResult(check) {
  return [
    h('div', { class: 'spread' },
      h('p', { class: 'verdict-line' }, 'Connection: ', verdictBadge(check, 'check-verdict')),
      h('p', { id: 'check-score', dataset: { score: check.score } }, `Score ${check.score} / 100`)),
    h('p', { id: 'check-recommendation', class: 'recommendation' }, recommendationText(check.recommendation)),
    check.local ? h('p', { class: 'muted' }, 'Livecue could not be reached at all, so this was judged on the phone.') : null,
    numbersList(check.measured),
    check.findings.length ? [h('h4', {}, 'What we found'), findingsList(check.findings, 'check-findings')] : null,
    check.steps.length ? [h('h4', {}, 'What to do, in this order'), stepsList(check.steps, 'check-steps')] : null,
  ];
}
