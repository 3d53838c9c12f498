import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createSignedInUser,
  createUser,
  sessionCookieFrom,
  type TestUser,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

let t: TestApp;
let now = new Date('2026-12-02T01:00:00.000Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
let address = 0;
const nextV6 = () => `2001:db8:5e55:${(++address).toString(16)}::${address.toString(16)}`;

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

type Browser = { userAgent: string; deviceCookie?: string };
type Signed = { cookie: string; headers: { cookie: string; 'x-csrf-token': string } };

function cookieNamed(setCookie: unknown, name: string): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
  return all.find((c: string) => c.startsWith(`${name}=`))?.split(';')[0];
}

/** Password then code, as a browser does: the device cookie it holds travels to /api/auth. */
async function signIn(user: TestUser, browser: Browser, options: { code?: boolean } = {}): Promise<Signed> {
  advance(31_000);
  const remoteAddress = nextV6();
  const deviceHeader = browser.deviceCookie ? `; ${browser.deviceCookie}` : '';
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
    headers: { 'user-agent': browser.userAgent, ...(deviceHeader ? { cookie: deviceHeader.slice(2) } : {}) },
    remoteAddress,
  });
  expect(login.statusCode).toBe(200);
  browser.deviceCookie ??= cookieNamed(login.headers['set-cookie'], 'zaitaku_device');
  let cookie = sessionCookieFrom(login.headers['set-cookie']) as string;
  let csrf = login.json().csrfToken as string;
  if (options.code !== false && user.totpSecret) {
    const totp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { code: totpCode(user.totpSecret, clock.now()) },
      headers: { cookie: `${cookie}${deviceHeader}`, 'x-csrf-token': csrf, 'user-agent': browser.userAgent },
      remoteAddress,
    });
    expect(totp.statusCode).toBe(200);
    cookie = sessionCookieFrom(totp.headers['set-cookie']) as string;
    csrf = totp.json().csrfToken as string;
  }
  return { cookie, headers: { cookie, 'x-csrf-token': csrf } };
}

const get = (url: string, signed: Signed) =>
  t.app.inject({ method: 'GET', url, headers: signed.headers, remoteAddress: nextV6() });
const send = (method: 'POST' | 'DELETE', url: string, signed: Signed, payload?: object) =>
  t.app.inject({ method, url, headers: signed.headers, payload, remoteAddress: nextV6() });

const mailsTo = (email: string, kind?: string) =>
  t.db
    .selectFrom('mail_outbox')
    .select(['kind', 'subject', 'body_text', 'secret_link'])
    .where('to_address', '=', email)
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind as string))
    .orderBy('created_at')
    .execute();
const auditOf = (userId: string, action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['details', 'record_id'])
    .where('actor_user_id', '=', userId)
    .where('action', '=', action)
    .execute();

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

describe('mails about sign-ins and credential changes', () => {
  it('mails a sign-in from a new browser, and not again once that browser completed a sign-in', async () => {
    const user = await createUser(t.db);
    const browser: Browser = { userAgent: SAFARI_IPHONE };
    await signIn(user, browser);
    expect(browser.deviceCookie).toMatch(/^zaitaku_device=[\w-]{43}$/);
    const [mail] = await mailsTo(user.email, 'new_device_sign_in');
    expect(mail?.subject).toMatch(/新しい端末/);
    expect(mail?.body_text).toMatch(/Safari（iOS）/);
    expect(mail?.body_text).toMatch(/2001:db8:5e55::\/48/);
    expect(mail?.body_text).toMatch(/心当たりがない場合は、すぐにパスワードを変更/);
    expect(mail?.secret_link).toBeNull();
    await signIn(user, browser);
    expect(await mailsTo(user.email, 'new_device_sign_in')).toHaveLength(1);
    await signIn(user, { userAgent: CHROME_WINDOWS });
    expect(await mailsTo(user.email, 'new_device_sign_in')).toHaveLength(2);
  });

  it('keeps mailing a browser that only ever got the password right', async () => {
    const user = await createUser(t.db);
    const browser: Browser = { userAgent: CHROME_WINDOWS };
    await signIn(user, browser, { code: false });
    await signIn(user, browser, { code: false });
    expect(await mailsTo(user.email, 'new_device_sign_in')).toHaveLength(2);
  });

  it('knows a browser per person: another account signing in from it is mailed', async () => {
    const user = await createUser(t.db);
    const colleague = await createUser(t.db);
    const shared: Browser = { userAgent: CHROME_WINDOWS };
    await signIn(user, shared);
    await signIn(colleague, shared);
    expect(await mailsTo(colleague.email, 'new_device_sign_in')).toHaveLength(1);
  });

  it('mails a password change, without the password', async () => {
    const user = await createUser(t.db);
    const office = await signIn(user, { userAgent: CHROME_WINDOWS });
    const newPassword = 'sakura-namiki-no-michi-2027';
    const changed = await send('POST', '/api/account/password', office, {
      currentPassword: user.password,
      newPassword,
    });
    expect(changed.statusCode).toBe(200);
    const [mail] = await mailsTo(user.email, 'password_changed');
    expect(mail?.subject).toMatch(/パスワードが変更されました/);
    expect(mail?.body_text).toMatch(/Chrome（Windows）/);
    expect(mail?.body_text).not.toContain(newPassword);
  });

  it('mails regenerated recovery codes, without the codes', async () => {
    const user = await createUser(t.db);
    const office = await signIn(user, { userAgent: CHROME_WINDOWS });
    advance(31_000);
    const fresh = await send('POST', '/api/auth/recovery-codes', office, {
      code: totpCode(user.totpSecret as string, clock.now()),
    });
    expect(fresh.statusCode).toBe(200);
    const [mail] = await mailsTo(user.email, 'recovery_codes_regenerated');
    expect(mail?.subject).toMatch(/リカバリーコードが再発行/);
    for (const code of fresh.json().recoveryCodes as string[]) expect(mail?.body_text).not.toContain(code);
  });

  it('mails a two-factor enrolment, without the secret, and knows the browser afterwards', async () => {
    const user = await createUser(t.db, { totp: false });
    const browser: Browser = { userAgent: SAFARI_IPHONE };
    const partial = await signIn(user, browser);
    const offer = await send('POST', '/api/auth/totp/enrolment', partial);
    expect(offer.statusCode).toBe(200);
    const secret = offer.json().secret as string;
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enrolment/confirm',
      headers: { ...partial.headers, cookie: `${partial.cookie}; ${browser.deviceCookie}` },
      payload: { code: totpCode(secret, clock.now()) },
      remoteAddress: nextV6(),
    });
    expect(confirmed.statusCode).toBe(200);
    const [mail] = await mailsTo(user.email, 'two_factor_enrolled');
    expect(mail?.subject).toMatch(/二要素認証が設定されました/);
    expect(mail?.body_text).not.toContain(secret);
    const enrolled = { ...user, totpSecret: secret };
    await signIn(enrolled, browser);
    expect(await mailsTo(user.email, 'new_device_sign_in')).toHaveLength(1);
  });

  it('mails a password reset done from a link, without the link', async () => {
    const user = await createUser(t.db);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: nextV6(),
    });
    expect(asked.statusCode).toBe(202);
    const [resetMail] = await mailsTo(user.email, 'password_reset');
    const token = String(resetMail?.secret_link).split('/reset-password/')[1] as string;
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'ginnan-no-namiki-2027' },
      remoteAddress: nextV6(),
    });
    expect(done.statusCode).toBe(200);
    const mails = await t.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text', 'secret_link'])
      .where('to_address', '=', user.email)
      .where('kind', '=', 'password_reset_done')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body_text).not.toContain(token);
    expect(mails[0]?.secret_link).toBeNull();
  });

  it('knows the browser an invitation was accepted and two-factor enrolled in', async () => {
    const admin = await createSignedInUser(t.db, { role: 'ward_admin' });
    const office = await createOrganisation(t.db, { kind: 'clinic' });
    const email = `invitee-${Date.now()}@example.jp`;
    const invited = await send('POST', '/api/admin/invitations', admin.session, {
      email,
      organisationId: office.id,
      role: 'clinician',
    });
    expect(invited.statusCode).toBe(201);
    const [invitationMail] = await mailsTo(email, 'invitation');
    const token = String(invitationMail?.secret_link).split('/invite/')[1] as string;
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, displayName: '招待 花子', password: 'hagi-no-hana-saku-2027' },
      headers: { 'user-agent': SAFARI_IPHONE },
      remoteAddress: nextV6(),
    });
    expect(accepted.statusCode).toBe(200);
    const browser: Browser = {
      userAgent: SAFARI_IPHONE,
      deviceCookie: cookieNamed(accepted.headers['set-cookie'], 'zaitaku_device'),
    };
    expect(browser.deviceCookie).toBeDefined();
    const cookie = sessionCookieFrom(accepted.headers['set-cookie']) as string;
    const partial = { cookie, headers: { cookie, 'x-csrf-token': accepted.json().csrfToken as string } };
    const secret = (await send('POST', '/api/auth/totp/enrolment', partial)).json().secret as string;
    const confirmed = await send('POST', '/api/auth/totp/enrolment/confirm', partial, {
      code: totpCode(secret, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    // signIn reads only these three.
    const invitee = { email, password: 'hagi-no-hana-saku-2027', totpSecret: secret } as TestUser;
    await signIn(invitee, browser);
    expect(await mailsTo(email, 'new_device_sign_in')).toHaveLength(0);
    await signIn(invitee, { userAgent: CHROME_WINDOWS });
    expect(await mailsTo(email, 'new_device_sign_in')).toHaveLength(1);
  });
});
