import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  createUser,
  nextClientAddress,
  sessionCookieFrom,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { renderMailText } from '../../platform/mail/outbox.service';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';

let t: TestApp;
let now = new Date('2026-11-24T01:00:00.000Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

beforeAll(async () => {
  setClockForTests(() => now);
  t = await createTestApp();
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});
afterEach(() => advance(60_000));

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers,
    remoteAddress: nextClientAddress(),
  });

async function resetMailTo(email: string) {
  const mails = await t.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .where('kind', '=', 'password_reset')
    .orderBy('created_at', 'desc')
    .execute();
  // The link is kept beside the body (never in it) until the mail is sent; see outbox-secrets.db.test.ts.
  return mails.map((mail) => ({ ...mail, body_text: renderMailText(mail) }));
}
const tokenIn = (text: string) => /\/reset-password\/([\w-]{43})/.exec(text)?.[1] as string;

describe('password reset', () => {
  it('answers the same for a known and an unknown email, and mails only the known one', async () => {
    const user = await createUser(t.db);
    const known = await post('/api/auth/password-reset', { email: user.email });
    const unknown = await post('/api/auth/password-reset', { email: 'ghost@example.jp' });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(await resetMailTo(user.email)).toHaveLength(1);
    expect(await resetMailTo('ghost@example.jp')).toHaveLength(0);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.password_reset_request')
      .execute();
    expect(audit.map((r) => [r.actor_label, r.outcome])).toEqual(
      expect.arrayContaining([
        [user.email, 'success'],
        ['ghost@example.jp', 'failure'],
      ]),
    );
  });

  it('sets a new password once, ends every session, and still asks for the TOTP code at the next login', async () => {
    const user = await createUser(t.db, { role: 'ward_admin' });
    const before = await createSession(t.db, user);
    await post('/api/auth/password-reset', { email: user.email });
    const [mail] = await resetMailTo(user.email);
    expect(mail?.body_text).toContain('認証アプリ');
    const token = tokenIn(mail?.body_text ?? '');

    const weak = await post('/api/auth/password-reset/complete', { token, password: '12345678' });
    expect(weak.json().error.code).toBe('auth.weak_password');
    const done = await post('/api/auth/password-reset/complete', {
      token,
      password: 'ajisai-no-kisetsu-rokugatsu',
    });
    expect(done.statusCode).toBe(200);
    expect(done.headers['set-cookie']).toBeUndefined(); // a reset never signs anyone in
    const again = await post('/api/auth/password-reset/complete', {
      token,
      password: 'another-fine-passphrase',
    });
    expect(again.json().error.code).toBe('auth.token_invalid');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: before.cookie } }))
        .statusCode,
    ).toBe(401);

    expect((await post('/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(
      401,
    );
    const login = await post('/api/auth/login', {
      email: user.email,
      password: 'ajisai-no-kisetsu-rokugatsu',
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().twoFactor.status).toBe('verification_required');
    const cookie = sessionCookieFrom(login.headers['set-cookie']) as string;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie } });
    expect(blocked.json().error.code).toBe('auth.totp_required');
    const totp = await post(
      '/api/auth/totp',
      { code: totpCode(user.totpSecret as string, clock.now()) },
      { cookie, 'x-csrf-token': login.json().csrfToken },
    );
    expect(totp.statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', user.id)
      .execute();
    expect(audit.map((r) => r.action)).toContain('auth.password_reset');
  });

  it('refuses a link older than one hour', async () => {
    const user = await createUser(t.db);
    await post('/api/auth/password-reset', { email: user.email });
    const token = tokenIn((await resetMailTo(user.email))[0]?.body_text ?? '');
    advance(60 * 60_000 + 1000);
    const late = await post('/api/auth/password-reset/complete', {
      token,
      password: 'ajisai-no-kisetsu-rokugatsu',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('auth.token_invalid');
  });

  it('lifts a lockout, so a locked-out user can get back in through the mail', async () => {
    const user = await createUser(t.db);
    await t.db
      .updateTable('users')
      .set({ locked_until: new Date(now.getTime() + 600_000) })
      .where('id', '=', user.id)
      .execute();
    await post('/api/auth/password-reset', { email: user.email });
    const token = tokenIn((await resetMailTo(user.email))[0]?.body_text ?? '');
    await post('/api/auth/password-reset/complete', { token, password: 'momiji-gari-no-aki-2026' });
    expect(
      (await post('/api/auth/login', { email: user.email, password: 'momiji-gari-no-aki-2026' })).statusCode,
    ).toBe(200);
  });
});
