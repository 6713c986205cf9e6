// The app shell: sign-in with an API key, the tab bar and a hash router that renders one screen module at a
// time into main#view. A screen module exports `render(view, ctx)` and may return a cleanup function (the live
// screen stops its background checks there).
import { api, ApiProblem, forgetKey, onUnauthorized, storedKey, storeKey } from './api.js';
import { busy, clearProblem, loadFailed, showProblem, toast } from './ui.js';

const SCREENS = {
  next: 'Next lives',
  plan: 'Plan a live',
  check: 'Before going live',
  live: 'Live',
  insights: 'Insights',
  automations: 'Automations',
};
const DEFAULT_SCREEN = 'next';
const DRAFTS_OWNER = 'livecue.draftsOwner';

const view = document.getElementById('view');
const tabs = document.getElementById('tabs');
const signedOut = document.getElementById('signed-out');
const signInForm = document.getElementById('sign-in');
const signOutButton = document.getElementById('sign-out');
const who = document.getElementById('who');

let me = null;
let cleanup = null;
let rendering = 0;

function showSignedIn(signedIn) {
  signedOut.hidden = signedIn;
  view.hidden = !signedIn;
  tabs.hidden = !signedIn;
  signOutButton.hidden = !signedIn;
  who.hidden = !signedIn;
}

function screenName() {
  const name = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return name in SCREENS ? name : DEFAULT_SCREEN;
}

/** Query parameters after the route, e.g. #/plan?schedule=sch_1 -> {schedule: 'sch_1'}. */
function routeParams() {
  const query = location.hash.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(query));
}

async function route() {
  if (!me) return;
  const name = screenName();
  const ticket = ++rendering;
  cleanup?.();
  cleanup = null;
  for (const link of tabs.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#/${name}`);
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  document.title = `${SCREENS[name]} · Livecue`;
  // Each rendering gets its own container: a screen still loading when the creator switches tabs finishes into
  // a container that is no longer shown, instead of over the screen they switched to.
  const screenView = document.createElement('div');
  screenView.className = 'screen';
  screenView.tabIndex = -1;
  view.replaceChildren(screenView);
  view.setAttribute('aria-busy', 'true');
  try {
    const screen = await import(`./screens/${name}.js`);
    if (ticket !== rendering) return;
    const result = await screen.render(screenView, { api, me, params: routeParams(), navigate, refreshMe });
    if (ticket === rendering) cleanup = typeof result === 'function' ? result : null;
    else if (typeof result === 'function') result();
  } catch (problem) {
    if (ticket === rendering) screenView.replaceChildren(loadFailed(problem, route));
  } finally {
    if (ticket === rendering) view.removeAttribute('aria-busy');
  }
  view.focus({ preventScroll: true });
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function refreshMe() {
  me = await api.get('/v1/me');
  who.textContent = me.displayName || `@${me.handle}`;
  return me;
}

async function signIn(apiKey) {
  me = await api.get('/v1/me', { apiKey });
  // drafts kept when a key stopped working are this creator's to pick up again, nobody else's
  const draftsOf = sessionStorage.getItem(DRAFTS_OWNER);
  if (draftsOf && draftsOf !== me.id) sessionStorage.clear();
  sessionStorage.removeItem(DRAFTS_OWNER);
  storeKey(apiKey);
  who.textContent = me.displayName || `@${me.handle}`;
  showSignedIn(true);
  await route();
}

/**
 * Signing out forgets the key and what was typed; a key that stopped working (revoked, expired) keeps the drafts
 * for the same creator's next sign-in, so a plan half typed is not lost to it.
 */
function signOut(message, { keepDrafts = false } = {}) {
  cleanup?.();
  cleanup = null;
  if (keepDrafts && me) sessionStorage.setItem(DRAFTS_OWNER, me.id);
  else sessionStorage.clear();
  me = null;
  forgetKey();
  view.replaceChildren();
  showSignedIn(false);
  signInForm.reset();
  if (message) toast(message);
  signInForm.elements.apiKey.focus();
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblem(signInForm);
  const apiKey = signInForm.elements.apiKey.value.trim();
  if (!apiKey) {
    showProblem(signInForm, new ApiProblem({ errors: [{ field: 'apiKey', message: 'Paste your API key.' }] }));
    return;
  }
  await busy(signInForm.querySelector('button[type=submit]'), async () => {
    try {
      await signIn(apiKey);
    } catch (problem) {
      const message = problem.status === 401 ? 'This key is not valid (or was revoked).' : problem.detail || problem.title;
      showProblem(signInForm, new ApiProblem({ errors: [{ field: 'apiKey', message }] }));
    }
  });
});

signOutButton.addEventListener('click', () => signOut('Signed out'));
onUnauthorized(() => { if (me) signOut('Your key is no longer valid: sign in again.', { keepDrafts: true }); });
window.addEventListener('hashchange', route);

async function start() {
  const apiKey = storedKey();
  if (!apiKey) {
    showSignedIn(false);
    return;
  }
  try {
    await signIn(apiKey);
  } catch (problem) {
    if (problem.status === 401) signOut();
    else {
      showSignedIn(false);
      showProblem(signInForm, problem);
    }
  }
}

start();
