import type { CareLevel, Sex } from '../../../contracts/patients';
import { recordAccesses } from '../../platform/access-log/access-log.service';
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

/** One record of another module that grants its reader a patient's minimum data. */
export type PatientGrant = {
  patientId: string;
  basis: 'referral';
  recordType: string;
  recordId: string;
  action?: 'read' | 'write';
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
  grant: Omit<PatientGrant, 'patientId'>,
): Promise<GrantedPatient> {
  const patient = (await readGrantedPatients(executor, ctx, [{ patientId, ...grant }])).get(patientId);
  if (!patient) throw new AppError('patients.not_found');
  return patient;
}

/**
 * readGrantedPatient for a list (a recipient's incoming referrals): one read of the patients and
 * one insert of the access rows, whatever the length. A patient no longer active (merged) is left
 * out of the map and its grant is not logged: the caller shows the record without patient data.
 */
export async function readGrantedPatients(
  executor: Executor,
  ctx: RequestContext,
  grants: PatientGrant[],
): Promise<Map<string, GrantedPatient>> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const found = new Map<string, GrantedPatient>();
  if (grants.length === 0) return found;
  const rows = await executor
    .selectFrom('patients')
    .select(['id', 'name', 'name_kana', 'birth_date', 'sex', 'address_town', 'care_level'])
    .where('id', 'in', [...new Set(grants.map((g) => g.patientId))])
    .where('municipality_code', '=', actor.municipalityCode)
    .where('status', '=', 'active')
    .execute();
  for (const row of rows) {
    found.set(row.id, {
      id: row.id,
      name: row.name,
      nameKana: row.name_kana,
      birthDate: row.birth_date,
      sex: row.sex,
      town: row.address_town,
      careLevel: row.care_level,
    });
  }
  await recordAccesses(
    executor,
    ctx,
    grants
      .filter((g) => found.has(g.patientId))
      .map((g) => ({
        patientId: g.patientId,
        recordType: g.recordType,
        recordId: g.recordId,
        action: g.action ?? 'read',
        basis: g.basis,
      })),
  );
  return found;
}
