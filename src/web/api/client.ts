import { ApiError, readProblem } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /**
   * A 401 here is expected (checking for a session, signing in) and must not be treated as
   * "your session has ended".
   */
  expectUnauthenticated?: boolean;
  /** Extra request headers, e.g. `If-Match` on an edit (SECURITY.md check 30). */
  headers?: Record<string, string>;
}

// Kept in memory only: never in storage (SECURITY.md check 24). The session endpoint gives it again
// after a reload.
let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;
let onApiCall: () => void = () => undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 from a signed-in page: the session provider signs out and clears the cache. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Called on every API call that reached the server: it keeps the idle timer in step with the server. */
export function setApiCallListener(listener: () => void): void {
  onApiCall = listener;
}

/** Calls the Rapport API: JSON in and out, same-origin cookies, the CSRF token on changes. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  onApiCall();
  if (response.ok) {
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
  const problem = await readProblem(response);
  const retryAfter = Number(response.headers.get('retry-after'));
  const error = new ApiError(
    response.status,
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
  if (response.status === 401 && !options.expectUnauthenticated) {
    onUnauthenticated();
  }
  throw error;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** The `If-Match` header for an edit made from `version` (the ETag the server gave). */
export function ifMatch(version: number): { headers: Record<string, string> } {
  return { headers: { 'if-match': `"${version}"` } };
}

/** Builds a query string from defined values only. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
