import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, logInOverHttp, sessionCookieFrom } from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';
import { sealStoredTotpSecrets } from './totp-secret.service';

const KEY = 'test-only-totp-key-0123456789abcdef0123';
const codeNow = (secret: string) => totpCode(secret, clock.now());

describe('TOTP secrets encrypted at rest (TOTP_ENCRYPTION_KEY set)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TOTP_ENCRYPTION_KEY: KEY });
  });
  afterAll(async () => t?.close());

  const storedSecret = async (userId: string) =>
    (await t.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow())
      .totp_secret;

  it('enrols with the secret sealed in the database, and logs in with the app’s codes', async () => {
    const user = await createUser(t.db, { role: 'clinician', totp: false });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const cookie = sessionCookieFrom(login.headers['set-cookie']) as string;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const start = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrolment', headers });
    const { secret } = start.json();
    const pending = await t.db
      .selectFrom('sessions')
      .select('pending_totp_secret')
      .where('pending_totp_secret', 'is not', null)
      .execute();
    expect(pending.every((p) => p.pending_totp_secret?.startsWith('enc:v1:'))).toBe(true);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enrolment/confirm',
      headers,
      payload: { code: codeNow(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const stored = await storedSecret(user.id);
    expect(stored?.startsWith('enc:v1:')).toBe(true);
    expect(stored).not.toContain(secret);
    // The next login's second step opens the sealed secret.
    const later = new Date(Date.now() + 60_000);
    setClockForTests(() => later);
    try {
      await logInOverHttp(t.app, { ...user, totpSecret: secret }, codeNow);
    } finally {
      setClockForTests();
    }
  });

  it('seals at start the secrets stored before the key was set, in an audited step', async () => {
    const user = await createUser(t.db, { role: 'ward_admin' });
    expect(await storedSecret(user.id)).toBe(user.totpSecret);
    const sealed = await sealStoredTotpSecrets(t.deps, () => undefined);
    expect(sealed).toBeGreaterThanOrEqual(1);
    expect((await storedSecret(user.id))?.startsWith('enc:v1:')).toBe(true);
    await logInOverHttp(t.app, user, codeNow);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.totp_secrets_seal')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 with a Japanese message when the key is gone, and warns at start', async () => {
    const user = await createUser(t.db, { role: 'clinician' });
    await sealStoredTotpSecrets(t.deps, () => undefined);
    const keyless = await createTestApp();
    try {
      // The same rows in a database whose server lost the key: copy the sealed user over.
      const row = await t.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      const warnings: string[] = [];
      const moved = await createUser(keyless.db, { role: 'clinician' });
      await keyless.db
        .updateTable('users')
        .set({ totp_secret: row.totp_secret })
        .where('id', '=', moved.id)
        .execute();
      await sealStoredTotpSecrets(keyless.deps, (m) => warnings.push(m));
      expect(warnings.join()).toContain('TOTP_ENCRYPTION_KEY');
      await expect(
        logInOverHttp(keyless.app, { ...moved, totpSecret: user.totpSecret }, codeNow),
      ).rejects.toThrow(/503/);
      const login = await keyless.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: moved.email, password: moved.password },
      });
      const cookie = sessionCookieFrom(login.headers['set-cookie']) as string;
      const answer = await keyless.app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: { cookie, 'x-csrf-token': login.json().csrfToken },
        payload: { code: codeNow(user.totpSecret as string) },
      });
      expect(answer.statusCode).toBe(503);
      expect(answer.json().error.message).toMatch(/システム管理者/);
    } finally {
      await keyless.close();
    }
  });
});
