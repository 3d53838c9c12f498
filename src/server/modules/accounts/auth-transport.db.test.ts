import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, nextClientAddress } from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { setClockForTests } from '../../platform/time/clock';

// A fixed "now", so the six requests below never straddle two rate-limit windows.
beforeAll(() => setClockForTests(() => new Date('2026-11-24T01:00:10.000Z')));
afterAll(() => setClockForTests());

describe('with BASE_URL https and a general limit of 5 per minute', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ BASE_URL: 'https://zaitaku.example.jp', RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => strict?.close());

  it('marks the session cookie Secure', async () => {
    const user = await createUser(strict.db);
    const response = await strict.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
      headers: { origin: 'https://zaitaku.example.jp' },
      remoteAddress: nextClientAddress(),
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('limits every API route per client address', async () => {
    const ip = nextClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await strict.app.inject({ method: 'GET', url: '/api/session', remoteAddress: ip })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
