import { findErrorEntry } from '../../contracts/error-codes';

/** An answer of the API with an error body (`{ error: { code, message, details } }`). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly serverMessage: string | undefined,
    readonly details: unknown,
    readonly requestId: string | undefined,
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | undefined;
let csrfLoading: Promise<string | undefined> | undefined;

/** Remembers the token the session endpoint handed out (the session query calls this). */
export function rememberCsrfToken(token: string | undefined | null): void {
  csrfToken = token ?? undefined;
}

async function loadCsrfToken(): Promise<string | undefined> {
  csrfLoading ??= fetch('/api/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
    .then(async (response) => {
      const body = (await response.json().catch(() => ({}))) as { csrfToken?: string };
      csrfToken = body.csrfToken;
      return csrfToken;
    })
    .finally(() => {
      csrfLoading = undefined;
    });
  return csrfLoading;
}

/** Builds `/api/...?a=1&b=2&b=3`, dropping empty values and repeating array keys. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, request: ApiRequest, token: string | undefined): Promise<Response> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method) && token) headers['x-csrf-token'] = token;
  return fetch(apiUrl(path, request.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; details?: unknown; requestId?: string } }
    | undefined;
  const error = body?.error;
  return new ApiError(
    error?.code ?? (response.status === 404 ? 'not_found' : 'internal'),
    response.status,
    error?.message,
    error?.details,
    error?.requestId ?? response.headers.get('x-request-id') ?? undefined,
  );
}

/**
 * Calls the API and returns the parsed JSON. State-changing calls carry the CSRF token from
 * `GET /api/session`; when the token went stale (login rotates the session) it is fetched again
 * and the call repeated once. Throws `ApiError` for error answers.
 */
export async function api<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const needsToken = !safeMethods.has(method);
  let token = needsToken ? (csrfToken ?? (await loadCsrfToken())) : undefined;
  let response = await send(path, request, token);
  if (needsToken && response.status === 403) {
    const error = await toApiError(response.clone());
    if (error.code === 'auth.csrf_invalid') {
      token = await loadCsrfToken();
      response = await send(path, request, token);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** The message a person reads for an error: the catalog's Japanese (or English) text by code. */
export function errorMessage(error: unknown, language: 'ja' | 'en', networkMessage: string): string {
  if (error instanceof ApiError) {
    const entry = findErrorEntry(error.code);
    if (entry) return entry[language];
    if (language === 'ja' && error.serverMessage) return error.serverMessage;
    return findErrorEntry(error.status >= 500 ? 'internal' : 'request.invalid')?.[language] ?? error.code;
  }
  if (error instanceof TypeError) return networkMessage;
  return findErrorEntry('internal')?.[language] ?? String(error);
}

/**
 * Names of the fields a `request.invalid` answer complains about (details are
 * `[{ path: 'body/email', message, code }]`), so a form can mark them.
 */
export function invalidFields(error: unknown): Set<string> {
  const result = new Set<string>();
  if (!(error instanceof ApiError) || error.code !== 'request.invalid' || !Array.isArray(error.details)) {
    return result;
  }
  for (const issue of error.details as Array<{ path?: unknown }>) {
    if (typeof issue.path !== 'string') continue;
    const segments = issue.path.split(/[/.]/).filter(Boolean);
    const field = segments[0] === 'body' || segments[0] === 'querystring' ? segments[1] : segments[0];
    if (field) result.add(field);
  }
  return result;
}
