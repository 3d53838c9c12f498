import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { commandContext } from './admin-bootstrap.service';
import {
  countSealedUserSecrets,
  lockPendingOffers,
  lockUserSecrets,
  setPendingOffer,
  setUserSecret,
} from './totp-secret.queries';
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
    const sealed = await countSealedUserSecrets(deps.db);
    if (sealed > 0)
      warn(
        `暗号化された二要素認証の設定が ${sealed} 件ありますが、TOTP_ENCRYPTION_KEY がありません。これらの利用者はログインできません / ${sealed} sealed TOTP secrets but no TOTP_ENCRYPTION_KEY`,
      );
    return 0;
  }
  return runUseCase(
    deps,
    commandContext('server-start'),
    async ({ trx, audit }) => {
      const users = await lockUserSecrets(trx, { unsealedOnly: true });
      for (const user of users) await setUserSecret(trx, user.id, sealTotpSecret(user.secret, key));
      const offers = await lockPendingOffers(trx, { unsealedOnly: true });
      for (const offer of offers) await setPendingOffer(trx, offer.id, sealTotpSecret(offer.secret, key));
      if (users.length + offers.length > 0) {
        await audit({
          action: 'auth.totp_secrets_seal',
          recordType: 'user',
          municipalityCode: null,
          details: { users: users.length, pendingOffers: offers.length },
        });
      }
      return users.length;
    },
    { requireActor: false },
  );
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
  return runUseCase(
    deps,
    commandContext('zaitaku totp rotate'),
    async ({ trx, audit }) => {
      const users = await lockUserSecrets(trx, { unsealedOnly: false });
      const unreadable: string[] = [];
      for (const user of users) {
        let secret: string;
        try {
          secret = openTotpSecret(user.secret, key);
        } catch {
          unreadable.push(user.id);
          continue;
        }
        await setUserSecret(trx, user.id, sealTotpSecret(secret, key));
      }
      if (unreadable.length > 0) {
        // Rolls back the users re-sealed so far: the rotation is all or nothing.
        throw new AppError('auth.totp_key_unavailable', {
          users: unreadable.length,
          hint: `${unreadable.length} 件の設定がどちらの鍵でも開けません。古い鍵を TOTP_ENCRYPTION_KEY_PREVIOUS に設定してください / ${unreadable.length} secrets open under neither key`,
        });
      }
      let pendingOffers = 0;
      for (const offer of await lockPendingOffers(trx, { unsealedOnly: false })) {
        let sealed: string | null;
        try {
          sealed = sealTotpSecret(openTotpSecret(offer.secret, key), key);
          pendingOffers++;
        } catch {
          // An offer is only a QR code shown once: dropping it costs the user a fresh scan.
          sealed = null;
        }
        await setPendingOffer(trx, offer.id, sealed);
      }
      await audit({
        action: 'auth.totp_secrets_reseal',
        recordType: 'user',
        municipalityCode: null,
        actorLabel: 'zaitaku totp rotate',
        details: { users: users.length, pendingOffers },
      });
      return { users: users.length, pendingOffers };
    },
    { requireActor: false },
  );
}
