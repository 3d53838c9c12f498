import type { CareLevel, Sex } from '../../../contracts/patients';
import { recordAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';

/** The minimum a granted reader outside the circle gets: who the patient is, nothing clinical. */
export type GrantedPatient = {
  id: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: Sex;
  town: string;
  careLevel: CareLevel;
};

/**
 * The minimum data of a patient for a caller whom ANOTHER module's record grants it (an open
 * referral addressed to the caller's organisation), outside assertPatientAccess: the grant never
 * widens visiblePatientFilter, so lists, searches, counts and the patient page stay circle-only.
 * The calling module checks its grant first; this reads the active patient of the caller's
 * municipality and records the access with the grant's basis. Throws patients.not_found.
 */
export async function readGrantedPatient(
  executor: Executor,
  ctx: RequestContext,
  patientId: string,
  grant: { basis: 'referral'; recordType: string; recordId: string; action?: 'read' | 'write' },
): Promise<GrantedPatient> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const row = await executor
    .selectFrom('patients')
    .select(['id', 'name', 'name_kana', 'birth_date', 'sex', 'address_town', 'care_level'])
    .where('id', '=', patientId)
    .where('municipality_code', '=', actor.municipalityCode)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw new AppError('patients.not_found');
  await recordAccess(executor, ctx, {
    patientId,
    recordType: grant.recordType,
    recordId: grant.recordId,
    action: grant.action ?? 'read',
    basis: grant.basis,
  });
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    birthDate: row.birth_date,
    sex: row.sex,
    town: row.address_town,
    careLevel: row.care_level,
  };
}
