import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  browserSessions,
  CHROME_WINDOWS,
  cookieNamed,
  SAFARI_IPHONE,
} from '../../../../test/support/browser-sessions';
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

let t: TestApp;
let now = new Date('2026-12-02T01:00:00.000Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const { nextV6, signIn, send, mailsTo } = browserSessions(() => t, advance, '2001:db8:5e56');

beforeAll(async () => {
  setClockForTests(() => now);
  t = await createTestApp();
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});
// Each sign-in uses a fresh TOTP step (a code is good once) and a later created_at.
afterEach(() => advance(60_000));

describe('mails about sign-ins and credential changes', () => {
  it('mails a sign-in from a new browser, and not again once that browser completed a sign-in', async () => {
    const user = await createUser(t.db);
    const browser: Browser = { userAgent: SAFARI_IPHONE };
    await signIn(user, browser);
    expect(browser.deviceCookie).toMatch(/^zaitaku_device=[\w-]{43}$/);
    const [mail] = await mailsTo(user.email, 'new_device_sign_in');
    expect(mail?.subject).toMatch(/新しい端末/);
    expect(mail?.body_text).toMatch(/Safari（iOS）/);
    expect(mail?.body_text).toMatch(/2001:db8:5e56::\/48/);
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
