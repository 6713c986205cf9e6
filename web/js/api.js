// The one place that talks to the Livecue HTTP API (same origin: /v1). Every failure becomes an ApiProblem,
// shaped like the RFC 9457 body the API sends, so screens show errors the same way whatever went wrong.

const KEY_STORAGE = 'livecue.apiKey';
/** What the creator reads when Livecue cannot be reached at all (no network, or the app's own files failed to load). */
export const UNREACHABLE = 'Livecue could not be reached. Check your Wi-Fi or mobile data and try again.';

export class ApiProblem extends Error {
  constructor({ status = 0, title = 'Something went wrong', detail = '', errors = [], type = 'about:blank' } = {}) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

export function storedKey() {
  return localStorage.getItem(KEY_STORAGE);
}

export function storeKey(apiKey) {
  localStorage.setItem(KEY_STORAGE, apiKey);
}

export function forgetKey() {
  localStorage.removeItem(KEY_STORAGE);
}

/** Listeners told when the API answers 401, so the app can ask for a key again. */
const unauthorizedListeners = new Set();
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

/**
 * Calls the API. `query` values that are null or undefined are left out. POSTs carry an Idempotency-Key (one per
 * call, or the caller's own for a user action that may be retried), so a retry on a flaky connection never
 * creates a second schedule or ends a live twice. `idempotencyKey: null` sends none, for POSTs that change
 * nothing (a preview), so they leave no idempotency record behind. `raw: true` answers the Response itself, e.g.
 * for a download (with `accept: 'text/csv'`).
 */
export async function request(method, path, { body, query, idempotencyKey, apiKey = storedKey(), raw = false,
                                              signal, accept = 'application/json' } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, value);
  }
  // problems come as problem+json whatever was asked for (`accept: 'text/csv'` for a download)
  const headers = { Accept: `${accept}, application/problem+json` };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && idempotencyKey !== null) headers['Idempotency-Key'] = idempotencyKey ?? crypto.randomUUID();

  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiProblem({ title: 'No connection', detail: UNREACHABLE });
  }
  if (response.status === 401 && apiKey) unauthorizedListeners.forEach((listener) => listener());
  if (!response.ok) throw await problemOf(response);
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return new ApiProblem({ status: response.status, ...(await response.json()) });
    } catch {
      // an unreadable body falls through to the generic problem below
    }
  }
  return new ApiProblem({ status: response.status, title: response.statusText || `Error ${response.status}`,
    detail: response.status >= 500 ? 'Livecue had a problem. Please try again in a moment.' : '' });
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
};
