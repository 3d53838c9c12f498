import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { openTotpSecret, sealTotpSecret, totpKeyFrom } from './totp-secret-box';

/**
 * At start: with TOTP_ENCRYPTION_KEY set, seals the TOTP secrets still stored as they are (those
 * enrolled before the key was set, and offers pending on sessions), in one audited transaction.
 * Without the key, says so when sealed secrets exist: their owners cannot pass two-factor.
 */
export async function sealStoredTotpSecrets(
  deps: Pick<ModuleDeps, 'db' | 'config'>,
  warn: (message: string) => void,
): Promise<number> {
  const key = totpKeyFrom(deps.config);
  if (!key) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from users where totp_secret like 'enc:v1:%'`.execute(deps.db);
    if ((rows[0]?.n ?? 0) > 0)
      warn(
        `暗号化された二要素認証の設定が ${rows[0]?.n} 件ありますが、TOTP_ENCRYPTION_KEY がありません。これらの利用者はログインできません / ${rows[0]?.n} sealed TOTP secrets but no TOTP_ENCRYPTION_KEY`,
      );
    return 0;
  }
  return deps.db.transaction().execute(async (trx) => {
    const users = await trx
      .selectFrom('users')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .where('totp_secret', 'not like', 'enc:v1:%')
      .forUpdate()
      .execute();
    for (const user of users) {
      await trx
        .updateTable('users')
        .set({ totp_secret: sealTotpSecret(user.totp_secret as string, key) })
        .where('id', '=', user.id)
        .execute();
    }
    const sessions = await trx
      .selectFrom('sessions')
      .select(['id', 'pending_totp_secret'])
      .where('pending_totp_secret', 'is not', null)
      .where('pending_totp_secret', 'not like', 'enc:v1:%')
      .forUpdate()
      .execute();
    for (const session of sessions) {
      await trx
        .updateTable('sessions')
        .set({ pending_totp_secret: sealTotpSecret(session.pending_totp_secret as string, key) })
        .where('id', '=', session.id)
        .execute();
    }
    if (users.length + sessions.length > 0) {
      await writeAudit(trx, undefined, {
        action: 'auth.totp_secrets_seal',
        recordType: 'user',
        details: { users: users.length, pendingOffers: sessions.length },
      });
    }
    return users.length;
  });
}

/**
 * `zaitaku totp rotate`: re-seals every stored TOTP secret (enrolled ones and pending offers)
 * under TOTP_ENCRYPTION_KEY, opening each with it or TOTP_ENCRYPTION_KEY_PREVIOUS, in one audited
 * transaction. Afterwards the previous key is no longer needed. A secret neither key opens stops
 * the whole rotation, changing nothing. Throws auth.totp_key_unavailable.
 */
export async function resealTotpSecrets(
  deps: Pick<ModuleDeps, 'db' | 'config'>,
): Promise<{ users: number; pendingOffers: number }> {
  const key = totpKeyFrom(deps.config);
  if (!key) {
    throw new AppError('auth.totp_key_unavailable', {
      hint: 'TOTP_ENCRYPTION_KEY に新しい鍵を、TOTP_ENCRYPTION_KEY_PREVIOUS に古い鍵を設定してください / set TOTP_ENCRYPTION_KEY (new) and TOTP_ENCRYPTION_KEY_PREVIOUS (old)',
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const users = await trx
      .selectFrom('users')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .forUpdate()
      .execute();
    const unreadable: string[] = [];
    for (const user of users) {
      let secret: string;
      try {
        secret = openTotpSecret(user.totp_secret as string, key);
      } catch {
        unreadable.push(user.id);
        continue;
      }
      await trx
        .updateTable('users')
        .set({ totp_secret: sealTotpSecret(secret, key) })
        .where('id', '=', user.id)
        .execute();
    }
    if (unreadable.length > 0) {
      // Rolls back the users re-sealed so far: the rotation is all or nothing.
      throw new AppError('auth.totp_key_unavailable', {
        users: unreadable.length,
        hint: `${unreadable.length} 件の設定がどちらの鍵でも開けません。古い鍵を TOTP_ENCRYPTION_KEY_PREVIOUS に設定してください / ${unreadable.length} secrets open under neither key`,
      });
    }
    const sessions = await trx
      .selectFrom('sessions')
      .select(['id', 'pending_totp_secret'])
      .where('pending_totp_secret', 'is not', null)
      .forUpdate()
      .execute();
    let pendingOffers = 0;
    for (const session of sessions) {
      let sealed: string | null;
      try {
        sealed = sealTotpSecret(openTotpSecret(session.pending_totp_secret as string, key), key);
        pendingOffers++;
      } catch {
        // An offer is only a QR code shown once: dropping it costs the user a fresh scan.
        sealed = null;
      }
      await trx
        .updateTable('sessions')
        .set({ pending_totp_secret: sealed })
        .where('id', '=', session.id)
        .execute();
    }
    await writeAudit(trx, undefined, {
      action: 'auth.totp_secrets_reseal',
      recordType: 'user',
      municipalityCode: null,
      actorLabel: 'zaitaku totp rotate',
      details: { users: users.length, pendingOffers },
    });
    return { users: users.length, pendingOffers };
  });
}
