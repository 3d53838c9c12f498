import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  browserSessions,
  CHROME_WINDOWS,
  SAFARI_IPHONE,
} from '../../../../test/support/browser-sessions';
import { createUser } from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { setClockForTests } from '../../platform/time/clock';

let t: TestApp;
let now = new Date('2026-12-02T01:00:00.000Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const { nextV6, signIn, get, send, mailsTo, auditOf } = browserSessions(() => t, advance, '2001:db8:5e55');

beforeAll(async () => {
  setClockForTests(() => now);
  t = await createTestApp({ SESSION_MAX_PER_USER: '3' });
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});
// Each sign-in uses a fresh TOTP step (a code is good once) and a later created_at.
afterEach(() => advance(60_000));

describe('one’s own sessions', () => {
  it('lists them with device, coarse network and the current one marked; nobody else’s', async () => {
    const user = await createUser(t.db);
    const stranger = await createUser(t.db);
    await signIn(stranger, { userAgent: CHROME_WINDOWS });
    await signIn(user, { userAgent: SAFARI_IPHONE });
    const office = await signIn(user, { userAgent: CHROME_WINDOWS });
    const list = await get('/api/account/sessions', office);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.maxSessions).toBe(3);
    expect(body.items).toHaveLength(2);
    const [first, second] = body.items;
    expect(first).toMatchObject({ current: true, device: { browser: 'Chrome', os: 'Windows' } });
    expect(second).toMatchObject({ current: false, device: { browser: 'Safari', os: 'iOS' } });
    expect(first.network).toMatch(/^2001:db8:5e55::\/48$/);
    expect(first.createdAt).toMatch(/\+09:00$/);
    expect(JSON.stringify(body)).not.toMatch(/token|csrf|2001:db8:5e55:[0-9a-f]+::/i);
  });

  it('ends one of them: its cookie stops working, the others stay, and it is audited', async () => {
    const user = await createUser(t.db);
    const phone = await signIn(user, { userAgent: SAFARI_IPHONE });
    const office = await signIn(user, { userAgent: CHROME_WINDOWS });
    const phoneId = (await get('/api/account/sessions', office))
      .json()
      .items.find((s: { current: boolean }) => !s.current).id;
    const ended = await send('DELETE', `/api/account/sessions/${phoneId}`, office);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await get('/api/account/sessions', phone)).json().error.code).toBe('auth.session_expired');
    expect((await get('/api/account/sessions', office)).json().items).toHaveLength(1);
    expect((await auditOf(user.id, 'account.session_end')).map((r) => r.record_id)).toEqual([phoneId]);
  });

  it('cannot end another person’s session: 404, and that session lives on', async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const mine = await signIn(user, { userAgent: CHROME_WINDOWS });
    const theirs = await signIn(other, { userAgent: CHROME_WINDOWS });
    const theirId = (await get('/api/account/sessions', theirs)).json().items[0].id;
    const refused = await send('DELETE', `/api/account/sessions/${theirId}`, mine);
    expect(refused.statusCode).toBe(404);
    expect((await get('/api/account/sessions', theirs)).statusCode).toBe(200);
  });

  it('logs out everywhere else, keeping this session, and says how many ended', async () => {
    const user = await createUser(t.db);
    const phone = await signIn(user, { userAgent: SAFARI_IPHONE });
    const home = await signIn(user, { userAgent: CHROME_WINDOWS });
    const office = await signIn(user, { userAgent: CHROME_WINDOWS });
    const out = await send('POST', '/api/account/sessions/revoke-others', office);
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ended: 2 });
    for (const gone of [phone, home]) {
      expect((await get('/api/account/sessions', gone)).statusCode).toBe(401);
    }
    expect((await get('/api/account/sessions', office)).json().items).toHaveLength(1);
    expect((await auditOf(user.id, 'account.sessions_end_others'))[0]?.details).toMatchObject({ ended: 2 });
  });

  it('refuses without the CSRF token', async () => {
    const user = await createUser(t.db);
    const office = await signIn(user, { userAgent: CHROME_WINDOWS });
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/account/sessions/revoke-others',
      headers: { cookie: office.cookie },
      remoteAddress: nextV6(),
    });
    expect(forged.statusCode).toBe(403);
  });
});

describe('the cap on concurrent sessions', () => {
  it('ends the oldest session when a sign-in goes beyond SESSION_MAX_PER_USER, and says so', async () => {
    const user = await createUser(t.db);
    const browser: Browser = { userAgent: CHROME_WINDOWS };
    const oldest = await signIn(user, browser);
    const others = [await signIn(user, browser), await signIn(user, browser)];
    const newest = await signIn(user, { userAgent: SAFARI_IPHONE });
    expect((await get('/api/account/sessions', oldest)).statusCode).toBe(401);
    for (const live of [...others, newest])
      expect((await get('/api/account/sessions', live)).statusCode).toBe(200);
    const rows = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(3);
    const capped = (await auditOf(user.id, 'auth.login')).filter(
      (row) => (row.details as { endedSessions?: number }).endedSessions !== undefined,
    );
    expect(capped.map((row) => row.details)).toEqual([
      expect.objectContaining({ endedSessions: 1, maxSessions: 3, newDevice: true }),
    ]);
    const mail = (await mailsTo(user.email, 'new_device_sign_in')).at(-1);
    expect(mail?.body_text).toMatch(/3台まで.*いちばん古いログイン（1件）を終了/);
  });
});
