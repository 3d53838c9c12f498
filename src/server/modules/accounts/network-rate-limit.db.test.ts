import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { AUTH_RATE_LIMIT_PER_MINUTE } from './session.hooks';

// Password spraying: one client guesses one password against many accounts, rotating its source
// address inside its own IPv6 /64 so that no per-address counter fills.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

let sprayed = 0;
const loginFrom = (remoteAddress: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: `spray-${++sprayed}@example.jp`, password: 'Password123!' },
    remoteAddress,
  });
const resetFrom = (remoteAddress: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset',
    payload: { email: `spray-${++sprayed}@example.jp` },
    remoteAddress,
  });

describe('brute-force limits per client network', () => {
  it('counts every address of one IPv6 /64 against one limit, across accounts and auth routes', async () => {
    for (let i = 1; i <= AUTH_RATE_LIMIT_PER_MINUTE; i++) {
      const answer = await loginFrom(`2001:db8:aa:1::${i.toString(16)}`);
      expect(answer.statusCode, `attempt ${i}`).toBe(401);
    }
    const refused = await loginFrom('2001:db8:aa:1:dead:beef:cafe:1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited' });
    expect(refused.json().error.message).toMatch(/しばらく待って/);
    expect(refused.json().error.details.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));
    // Reset and two-factor share the budget: a spray cannot move to another login-type endpoint.
    expect((await resetFrom('2001:db8:aa:1::beef')).statusCode).toBe(429);
    const totp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { code: '123456' },
      remoteAddress: '2001:db8:aa:1::c0de',
    });
    expect(totp.statusCode).toBe(429);
  });

  it('leaves a different /64 its own budget', async () => {
    for (let i = 1; i <= AUTH_RATE_LIMIT_PER_MINUTE; i++) await loginFrom(`2001:db8:bb:1::${i.toString(16)}`);
    expect((await loginFrom('2001:db8:bb:1::ffff')).statusCode).toBe(429);
    expect((await loginFrom('2001:db8:bb:2::1')).statusCode).toBe(401);
  });

  it('counts IPv4 per address, and an IPv4-mapped IPv6 client as that address', async () => {
    for (let i = 1; i <= AUTH_RATE_LIMIT_PER_MINUTE; i++) await loginFrom('198.51.100.20');
    expect((await loginFrom('::ffff:198.51.100.20')).statusCode).toBe(429);
    expect((await loginFrom('198.51.100.21')).statusCode).toBe(401);
  });
});
