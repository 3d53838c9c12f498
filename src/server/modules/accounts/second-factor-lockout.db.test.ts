import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  nextClientAddress,
  sessionCookieFrom,
  type TestUser,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';

let t: TestApp;
let now = new Date('2026-12-02T01:00:00.000Z');
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

async function passwordStep(user: TestUser) {
  const response = await post('/api/auth/login', { email: user.email, password: user.password });
  expect(response.statusCode).toBe(200);
  const cookie = sessionCookieFrom(response.headers['set-cookie']) as string;
  return { cookie, 'x-csrf-token': response.json().csrfToken as string };
}

/** A six-digit code that is not the current, previous or next one. */
function wrongCode(secret: string): string {
  const near = [-30_000, 0, 30_000].map((d) => totpCode(secret, new Date(clock.now().getTime() + d)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.includes(candidate)) return candidate;
  }
}

describe('second-factor lockout', () => {
  it('locks after five wrong codes even when a correct password comes between them', async () => {
    const user = await createUser(t.db, { role: 'clinician' });
    const secret = user.totpSecret as string;
    const answers: string[] = [];
    for (let round = 0; round < 3; round++) {
      const headers = await passwordStep(user).catch(() => undefined);
      if (!headers) break;
      for (let i = 0; i < 2; i++) {
        answers.push((await post('/api/auth/totp', { code: wrongCode(secret) }, headers)).json().error.code);
      }
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('auth.totp_invalid'));
    expect(answers[4]).toBe('auth.locked');

    // The right password and then the right code are both refused while the lock lasts.
    const login = await post('/api/auth/login', { email: user.email, password: user.password });
    expect(login.json().error.code).toBe('auth.locked');
    advance(16 * 60_000);
    const headers = await passwordStep(user);
    const right = await post('/api/auth/totp', { code: totpCode(secret, clock.now()) }, headers);
    expect(right.statusCode).toBe(200);
  });

  it('mails the account owner and the ward admins of the municipality when the codes lock the account', async () => {
    const admin = await createUser(t.db, { role: 'ward_admin' });
    const user = await createUser(t.db, { role: 'care_manager' });
    const headers = await passwordStep(user);
    for (let i = 0; i < 5; i++)
      await post('/api/auth/totp', { code: wrongCode(user.totpSecret as string) }, headers);
    const mails = await t.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'body_text'])
      .where('kind', '=', 'second_factor_lockout')
      .where('body_text', 'like', `%${user.email}%`)
      .execute();
    const recipients = mails.map((m) => m.to_address);
    expect(recipients).toContain(user.email);
    expect(recipients).toContain(admin.email);
    expect(mails[0]?.body_text).toMatch(/確認コード/);
  });
});
