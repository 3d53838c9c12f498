import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../contracts/accounts';
import { ApiError, api, apiUrl, errorMessage, invalidFields, rememberCsrfToken } from './api';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  rememberCsrfToken(undefined);
});

describe('apiUrl', () => {
  it('drops empty filters and repeats array values', () => {
    expect(
      apiUrl('/api/x', { q: '歯科', empty: '', none: undefined, type: ['clinic', 'pharmacy'], limit: 20 }),
    ).toBe('/api/x?q=%E6%AD%AF%E7%A7%91&type=clinic&type=pharmacy&limit=20');
    expect(apiUrl('/api/x', {})).toBe('/api/x');
  });
});

describe('errorMessage', () => {
  it('shows the catalog message of the code in the chosen language', () => {
    const error = new ApiError('auth.invalid_credentials', 401, 'server text', undefined, 'r1');
    expect(errorMessage(error, 'ja', 'network')).toBe(
      'メールアドレスまたはパスワードが違います。入力を確認してください。',
    );
    expect(errorMessage(error, 'en', 'network')).toBe('The email address or password is wrong.');
  });

  it('knows the codes a module adds to the catalog', () => {
    const error = new ApiError('invitation.not_pending', 409, undefined, undefined, undefined);
    expect(errorMessage(error, 'en', 'network')).toBe(
      'This invitation was already accepted, revoked or has expired.',
    );
  });

  it("falls back to the server's Japanese text, then to a generic message, for an unknown code", () => {
    const error = new ApiError('somewhere.new', 400, 'サーバーの説明', undefined, undefined);
    expect(errorMessage(error, 'ja', 'network')).toBe('サーバーの説明');
    expect(errorMessage(error, 'en', 'network')).toBe(
      'The request is not valid. Check the highlighted fields and send it again.',
    );
  });

  it('explains a failed connection with the network message', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), 'ja', '通信できませんでした')).toBe(
      '通信できませんでした',
    );
  });
});

describe('invalidFields', () => {
  it('names the body fields a validation error points at', () => {
    const error = new ApiError(
      'request.invalid',
      400,
      undefined,
      [
        { path: 'body/email', message: 'Invalid email' },
        { path: 'body/password', message: 'Too small' },
      ],
      undefined,
    );
    expect([...invalidFields(error)]).toEqual(['email', 'password']);
    expect(invalidFields(new Error('x')).size).toBe(0);
  });
});

describe('api', () => {
  it('sends the session CSRF token on a state-changing call and none on a read', async () => {
    const calls: Array<{ url: string; method: string; token: string | null }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      calls.push({ url, method: init.method ?? 'GET', token: headers.get('x-csrf-token') });
      if (url === '/api/session') return json(200, { csrfToken: 'token-1' });
      return json(200, { ok: true });
    });
    await api('/api/admin/users');
    await api('/api/admin/invitations', { method: 'POST', body: { email: 'a@example.jp' } });
    expect(calls).toEqual([
      { url: '/api/admin/users', method: 'GET', token: null },
      { url: '/api/session', method: 'GET', token: null },
      { url: '/api/admin/invitations', method: 'POST', token: 'token-1' },
    ]);
  });

  it('fetches a new token and repeats the call once when the old one went stale', async () => {
    rememberCsrfToken('stale');
    const tokens: Array<string | null> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url === '/api/session') return json(200, { csrfToken: 'fresh' });
      const token = new Headers(init.headers).get('x-csrf-token');
      tokens.push(token);
      return token === 'fresh'
        ? json(200, { ok: true })
        : json(403, { error: { code: 'auth.csrf_invalid', message: '…', requestId: 'r' } });
    });
    await expect(api('/api/auth/logout', { method: 'POST' })).resolves.toEqual({ ok: true });
    expect(tokens).toEqual(['stale', 'fresh']);
  });

  it('throws an ApiError carrying the code, status and request id of an error answer', async () => {
    vi.stubGlobal('fetch', async () =>
      json(409, { error: { code: 'user.email_taken', message: 'すでに登録', requestId: 'req-9' } }),
    );
    const error = await api('/api/admin/invitations', { method: 'GET' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'user.email_taken', status: 409, requestId: 'req-9' });
  });
});
