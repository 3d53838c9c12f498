import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit/audit.service';
import type { ModuleDeps } from '../../platform/module';
import { sealTotpSecret, totpKeyFrom } from './totp-secret-box';

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
