import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../support/api-client';
import { createUser } from '../support/factories/accounts';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the test client', () => {
  it('signs a factory user in with password and TOTP and calls routes as that user', async () => {
    const api = createApiClient(t.app);
    const user = await createUser(t.db, { role: 'hospital_staff' });
    const me = await api
      .as(user)
      .get<{ user: { email: string }; twoFactor: { status: string } }>('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(user.email);
    expect(me.body.twoFactor.status).toBe('verified');
  });

  it('sends the CSRF token with writes, and the public gets 401 for a staff route', async () => {
    const api = createApiClient(t.app);
    const user = await createUser(t.db, { role: 'ward_admin' });
    const logout = await api.as(user).post('/api/auth/logout');
    expect(logout.status).toBe(200);
    expect((await api.anonymous.get('/api/session')).status).not.toBe(500);
    expect((await api.anonymous.get('/api/admin/users')).status).toBe(401);
  });
});
