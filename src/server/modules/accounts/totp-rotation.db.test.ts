import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, logInOverHttp } from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp, testConfig } from '../../../../test/support/test-app';
import { verifyAuditChain } from '../../platform/audit/audit.service';
import { clock } from '../../platform/time/clock';
import { totpCode } from './totp';
import { resealTotpSecrets } from './totp-secret.service';
import { openTotpSecret, sealTotpSecret, totpKeyFrom } from './totp-secret-box';

const OLD = 'old-totp-rotation-key-0123456789abcdefgh';
const NEW = 'new-totp-rotation-key-0123456789abcdefgh';
const STRAY = 'stray-totp-key-nobody-holds-0123456789ab';
const codeNow = (secret: string) => totpCode(secret, clock.now());

describe('rotating TOTP_ENCRYPTION_KEY (zaitaku totp rotate)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The server during a rotation: the new key seals, the previous one still opens.
    t = await createTestApp({ TOTP_ENCRYPTION_KEY: NEW, TOTP_ENCRYPTION_KEY_PREVIOUS: OLD });
  });
  afterAll(async () => t?.close());

  /** A user whose secret was sealed under `key`, as the database holds it before the rotation. */
  const userSealedUnder = async (key: string) => {
    const user = await createUser(t.db, { role: 'clinician' });
    await t.db
      .updateTable('users')
      .set({ totp_secret: sealTotpSecret(user.totpSecret!, totpKeyFrom({ TOTP_ENCRYPTION_KEY: key })) })
      .where('id', '=', user.id)
      .execute();
    return user;
  };
  const stored = async (id: string) =>
    (await t.db.selectFrom('users').select('totp_secret').where('id', '=', id).executeTakeFirstOrThrow())
      .totp_secret as string;

  it('lets a user sealed under the previous key sign in while the rotation runs', async () => {
    const user = await userSealedUnder(OLD);
    await expect(logInOverHttp(t.app, user, codeNow)).resolves.toMatchObject({ cookie: expect.any(String) });
  });

  it('refuses the whole rotation when a secret opens under neither key, changing nothing', async () => {
    const stray = await userSealedUnder(STRAY);
    const waiting = await userSealedUnder(OLD);
    const before = await stored(waiting.id);
    await expect(resealTotpSecrets({ db: t.db, config: t.config })).rejects.toMatchObject({
      code: 'auth.totp_key_unavailable',
      details: { users: 1 },
    });
    expect(await stored(waiting.id)).toBe(before);
    // The stray one is the operator's to sort out (reset that user's two-factor); then it goes on.
    await t.db.updateTable('users').set({ totp_secret: null }).where('id', '=', stray.id).execute();
  });

  it('re-seals every secret under the new key, after which the previous key is not needed', async () => {
    const users = [await userSealedUnder(OLD), await userSealedUnder(NEW)];
    const result = await resealTotpSecrets({ db: t.db, config: t.config });
    expect(result.users).toBeGreaterThanOrEqual(2);
    const newOnly = totpKeyFrom(testConfig({ TOTP_ENCRYPTION_KEY: NEW }));
    for (const user of users) expect(openTotpSecret(await stored(user.id), newOnly)).toBe(user.totpSecret);
    const everyone = await t.db
      .selectFrom('users')
      .select('totp_secret')
      .where('totp_secret', 'is not', null)
      .execute();
    for (const row of everyone)
      expect(() => openTotpSecret(row.totp_secret as string, newOnly)).not.toThrow();
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'auth.totp_secrets_reseal')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
