import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  createUser,
  logInOverHttp,
  nextClientAddress,
  sessionCookieFrom,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';

let t: TestApp;
let now = new Date('2026-11-24T01:00:00.000Z');
const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const codeNow = (secret: string) => totpCode(secret, clock.now());

beforeAll(async () => {
  setClockForTests(() => now);
  // Short lifetimes from configuration, to show both are honoured (defaults: 30 min and 12 h).
  t = await createTestApp({ SESSION_IDLE_MINUTES: '20', SESSION_ABSOLUTE_MINUTES: '120' });
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});
afterEach(() => advance(minutes(1)));

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers,
    remoteAddress: nextClientAddress(),
  });

describe('session lifetime', () => {
  it('ends a session idle for longer than SESSION_IDLE_MINUTES', async () => {
    const user = await createUser(t.db);
    const session = await createSession(t.db, user);
    advance(minutes(19));
    expect((await get('/api/admin/users', { cookie: session.cookie })).statusCode).toBe(200);
    advance(minutes(19)); // 38 minutes after login, but only 19 idle
    expect((await get('/api/admin/users', { cookie: session.cookie })).statusCode).toBe(200);
    advance(minutes(20) + 1000);
    const expired = await get('/api/admin/users', { cookie: session.cookie });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('auth.session_expired');
    expect(String(expired.headers['set-cookie'])).toMatch(/zaitaku_session=;/);
    const rows = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('ends an active session at SESSION_ABSOLUTE_MINUTES however busy it is', async () => {
    const user = await createUser(t.db);
    const session = await createSession(t.db, user);
    for (let elapsed = 15; elapsed <= 105; elapsed += 15) {
      advance(minutes(15));
      const busy = await get('/api/admin/users', { cookie: session.cookie });
      expect(busy.statusCode, `after ${elapsed} minutes`).toBe(200);
    }
    advance(minutes(14)); // 119 minutes since login
    expect((await get('/api/admin/users', { cookie: session.cookie })).statusCode).toBe(200);
    advance(minutes(2)); // 121 minutes since login
    expect((await get('/api/admin/users', { cookie: session.cookie })).json().error.code).toBe(
      'auth.session_expired',
    );
  });

  it('tells the web when the session ends', async () => {
    const user = await createUser(t.db);
    const session = await createSession(t.db, user);
    const body = (await get('/api/session', { cookie: session.cookie })).json();
    expect(body.authenticated).toBe(true);
    expect(body.csrfToken).toBe(session.csrfToken);
    expect(new Date(body.idleExpiresAt).getTime() - now.getTime()).toBe(minutes(20));
    expect(new Date(body.absoluteExpiresAt).getTime() - now.getTime()).toBe(minutes(120));
    expect(body.idleExpiresAt).toMatch(/\+09:00$/);
  });

  it('treats an expired cookie on a public route as no session, so the user can log in again', async () => {
    const user = await createUser(t.db);
    const session = await createSession(t.db, user);
    advance(minutes(21));
    const state = await get('/api/session', { cookie: session.cookie });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({ authenticated: false, user: null, csrfToken: null });
    const login = await post(
      '/api/auth/login',
      { email: user.email, password: user.password },
      { cookie: session.cookie },
    );
    expect(login.statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('deletes the session so the cookie stops working, and audits it', async () => {
    const user = await createUser(t.db);
    const session = await logInOverHttp(t.app, user, codeNow);
    const out = await post('/api/auth/logout', undefined, session.headers);
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/zaitaku_session=;/);
    expect((await get('/api/admin/users', { cookie: session.cookie })).json().error.code).toBe(
      'auth.session_expired',
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', user.id)
      .execute();
    expect(audit.map((r) => r.action)).toContain('auth.logout');
  });

  it('refuses a logout without the CSRF token (a forged logout from another page)', async () => {
    const user = await createUser(t.db);
    const session = await createSession(t.db, user);
    const forged = await post('/api/auth/logout', undefined, { cookie: session.cookie });
    expect(forged.statusCode).toBe(403);
    expect((await get('/api/admin/users', { cookie: session.cookie })).statusCode).toBe(200);
  });

  it('answers a logout without a session with ok', async () => {
    expect((await post('/api/auth/logout', undefined)).statusCode).toBe(200);
  });
});

describe('login rotates the session', () => {
  it('replaces a session the browser already had instead of keeping it', async () => {
    const user = await createUser(t.db);
    const old = await createSession(t.db, user, { twoFactor: false });
    const login = await post('/api/auth/login', { email: user.email, password: user.password }, old.headers);
    expect(login.statusCode).toBe(200);
    expect(sessionCookieFrom(login.headers['set-cookie'])).not.toBe(old.cookie);
    expect((await get('/api/session', { cookie: old.cookie })).json().authenticated).toBe(false);
  });
});

describe('password change', () => {
  it('needs the current password, refuses a weak new one, and ends the other sessions', async () => {
    const user = await createUser(t.db);
    const here = await createSession(t.db, user);
    const elsewhere = await createSession(t.db, user);
    const wrong = await post(
      '/api/account/password',
      { currentPassword: 'not-mine-at-all', newPassword: 'tsukimi-dango-juugoya' },
      here.headers,
    );
    expect(wrong.json().error.code).toBe('auth.current_password_wrong');
    const weak = await post(
      '/api/account/password',
      { currentPassword: user.password, newPassword: 'password123' },
      here.headers,
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'auth.weak_password', details: { reason: 'common' } });
    const ok = await post(
      '/api/account/password',
      { currentPassword: user.password, newPassword: 'tsukimi-dango-juugoya' },
      here.headers,
    );
    expect(ok.statusCode).toBe(200);
    expect((await get('/api/admin/users', { cookie: here.cookie })).statusCode).toBe(200);
    expect((await get('/api/admin/users', { cookie: elsewhere.cookie })).statusCode).toBe(401);
  });

  it('keeps a user with a one-time password away from everything but changing it', async () => {
    const user = await createUser(t.db);
    await t.db
      .updateTable('users')
      .set({ password_change_required: true })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(t.db, user);
    expect((await get('/api/session', { cookie: session.cookie })).json().passwordChangeRequired).toBe(true);
    const blocked = await get('/api/admin/users', { cookie: session.cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    const changed = await post(
      '/api/account/password',
      { currentPassword: user.password, newPassword: 'hanabi-taikai-natsu-no-yoru' },
      session.headers,
    );
    expect(changed.statusCode).toBe(200);
    expect((await get('/api/admin/users', { cookie: session.cookie })).statusCode).toBe(200);
  });
});
