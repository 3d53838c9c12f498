import { expect } from 'vitest';
import { totpCode } from '../../src/server/modules/accounts/totp';
import { clock } from '../../src/server/platform/time/clock';
import { sessionCookieFrom, type TestUser } from './factories/accounts';
import type { TestApp } from './test-app';

/** Browsers for tests of sessions and device mails: a User-Agent and the device cookie it holds. */
export const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

export type Browser = { userAgent: string; deviceCookie?: string };
export type Signed = { cookie: string; headers: { cookie: string; 'x-csrf-token': string } };

/** `name=value` of a cookie the response sets, if it sets one. */
export function cookieNamed(setCookie: unknown, name: string): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
  return all.find((c: string) => c.startsWith(`${name}=`))?.split(';')[0];
}

/**
 * Sign-ins over HTTP from IPv6 clients (each request a new /64, so per-network limits stay out of
 * the way). `advance` moves the test clock: each sign-in takes a fresh TOTP step.
 */
export function browserSessions(app: () => TestApp, advance: (ms: number) => void, prefix = '2001:db8:5e55') {
  let address = 0;
  const nextV6 = () => `${prefix}:${(++address).toString(16)}::${address.toString(16)}`;

  /** Password then code, as a browser does: the device cookie it holds travels to /api/auth. */
  async function signIn(
    user: Pick<TestUser, 'email' | 'password' | 'totpSecret'>,
    browser: Browser,
    options: { code?: boolean } = {},
  ): Promise<Signed> {
    advance(31_000);
    const remoteAddress = nextV6();
    const device = browser.deviceCookie;
    const login = await app().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
      headers: { 'user-agent': browser.userAgent, ...(device ? { cookie: device } : {}) },
      remoteAddress,
    });
    expect(login.statusCode).toBe(200);
    browser.deviceCookie ??= cookieNamed(login.headers['set-cookie'], 'zaitaku_device');
    let cookie = sessionCookieFrom(login.headers['set-cookie']) as string;
    let csrf = login.json().csrfToken as string;
    if (options.code !== false && user.totpSecret) {
      const totp = await app().app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        payload: { code: totpCode(user.totpSecret, clock.now()) },
        headers: {
          cookie: device ? `${cookie}; ${device}` : cookie,
          'x-csrf-token': csrf,
          'user-agent': browser.userAgent,
        },
        remoteAddress,
      });
      expect(totp.statusCode).toBe(200);
      cookie = sessionCookieFrom(totp.headers['set-cookie']) as string;
      csrf = totp.json().csrfToken as string;
    }
    return { cookie, headers: { cookie, 'x-csrf-token': csrf } };
  }

  const get = (url: string, signed: Signed) =>
    app().app.inject({ method: 'GET', url, headers: signed.headers, remoteAddress: nextV6() });
  const send = (method: 'POST' | 'DELETE', url: string, signed: Signed, payload?: object) =>
    app().app.inject({ method, url, headers: signed.headers, payload, remoteAddress: nextV6() });
  const mailsTo = (email: string, kind?: string) =>
    app()
      .db.selectFrom('mail_outbox')
      .select(['kind', 'subject', 'body_text', 'secret_link'])
      .where('to_address', '=', email)
      .$if(kind !== undefined, (q) => q.where('kind', '=', kind as string))
      .orderBy('created_at')
      .execute();
  const auditOf = (userId: string, action: string) =>
    app()
      .db.selectFrom('audit_log')
      .select(['details', 'record_id'])
      .where('actor_user_id', '=', userId)
      .where('action', '=', action)
      .execute();

  return { nextV6, signIn, get, send, mailsTo, auditOf };
}
