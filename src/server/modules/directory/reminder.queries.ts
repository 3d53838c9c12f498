import type { ConfirmationSource } from '../../../contracts/directory';
import type { Executor } from '../../platform/db/schema';
import './facility.table';
import './review.table';

export type StaleFacility = { id: string; name: string; email: string | null };

/**
 * The municipality's active facilities with a capability confirmed before `staleBefore` that were
 * not reminded since `remindedBefore`, in the directory's kana order.
 */
export function findFacilitiesToRemind(
  db: Executor,
  municipalityCode: string,
  cutoffs: { remindedBefore: Date; staleBefore: Date },
): Promise<StaleFacility[]> {
  return db
    .selectFrom('facilities as f')
    .select(['f.id', 'f.name', 'f.email'])
    .where('f.municipality_code', '=', municipalityCode)
    .where('f.status', '=', 'active')
    .where((eb) => eb.or([eb('f.reminded_at', 'is', null), eb('f.reminded_at', '<', cutoffs.remindedBefore)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('facility_capabilities as c')
          .select(eb.lit(1).as('one'))
          .whereRef('c.facility_id', '=', 'f.id')
          .where('c.confirmed_at', '<', cutoffs.staleBefore),
      ),
    )
    .orderBy('f.kana_key')
    .orderBy('f.id')
    .execute();
}

export async function markReminded(db: Executor, facilityId: string, at: Date): Promise<void> {
  await db.updateTable('facilities').set({ reminded_at: at }).where('id', '=', facilityId).execute();
}

export async function insertConfirmToken(
  db: Executor,
  token: { hash: string; municipalityCode: string; facilityId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('facility_confirm_tokens')
    .values({
      token_hash: token.hash,
      municipality_code: token.municipalityCode,
      facility_id: token.facilityId,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

/** An unused, unexpired confirm token with its facility, locked until the transaction ends. */
export function findUsableToken(db: Executor, hash: string, now: Date) {
  return db
    .selectFrom('facility_confirm_tokens as t')
    .innerJoin('facilities as f', 'f.id', 't.facility_id')
    .select(['t.token_hash', 't.facility_id', 't.municipality_code', 'f.name', 'f.version'])
    .where('t.token_hash', '=', hash)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .forUpdate('t')
    .executeTakeFirst();
}

export async function markTokenUsed(db: Executor, hash: string, at: Date): Promise<void> {
  await db
    .updateTable('facility_confirm_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', hash)
    .execute();
}

/** Dates every capability of the facility and the facility itself as confirmed; returns the capabilities' count. */
export async function markConfirmed(
  db: Executor,
  facilityId: string,
  at: Date,
  by: ConfirmationSource,
): Promise<number> {
  const updated = await db
    .updateTable('facility_capabilities')
    .set({ confirmed_at: at, confirmed_by: by, confirmed_file: null })
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  await db
    .updateTable('facilities')
    .set({ last_confirmed_at: at, last_confirmed_by: by, last_confirmed_file: null })
    .where('id', '=', facilityId)
    .execute();
  return Number(updated.numUpdatedRows);
}
