import type { BreakGlassInput, DuplicateList, PatientMergeInput } from '../../../contracts/patients';
import { recordAccess, recordListAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { toPatientSummary } from './patient.presenter';
import { findActivePatient, findPatientsByIds, listDuplicateGroups, lockPatients } from './patient.queries';
import { BREAK_GLASS_MINUTES } from './patient-access.policy';
import { runMergeHandlers } from './patient-sections';

type Deps = Pick<ModuleDeps, 'db'>;

/**
 * Break-glass (ward_admin): opens one patient for BREAK_GLASS_MINUTES, read-only, with a reason.
 * Audited as `patient.break_glass` (the ward's count comes from there). Throws patients.not_found.
 */
export async function breakGlass(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
  input: { reason: BreakGlassInput['reason'] },
) {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const patient = await findActivePatient(trx, actor.municipalityCode, patientId);
    if (!patient) throw new AppError('patients.not_found');
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
    await trx
      .insertInto('patient_break_glass')
      .values({
        municipality_code: actor.municipalityCode,
        patient_id: patientId,
        user_id: actor.userId,
        reason: input.reason,
        granted_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await audit({
      action: 'patient.break_glass',
      recordType: 'patient',
      recordId: patientId,
      patientId,
      // The reason is free text about a patient: it stays in patient_break_glass, not the audit log.
      details: { minutes: BREAK_GLASS_MINUTES },
    });
    return { patientId, expiresAt: expiresAt.toISOString() };
  });
}

/** Groups of possible duplicates (same kana and birth date) for the ward admin; each shown patient is logged. */
export async function listDuplicates(deps: Deps, ctx: RequestContext): Promise<DuplicateList> {
  const groups = await listDuplicateGroups(deps.db, ctx.municipalityCode, 100);
  const patients = await findPatientsByIds(
    deps.db,
    ctx.municipalityCode,
    groups.flatMap((g) => g.ids),
  );
  const byId = new Map(patients.map((p) => [p.id, p]));
  await recordListAccess(deps.db, ctx, patients, (p) => ({
    patientId: p.id,
    recordType: 'patient_duplicate',
  }));
  return {
    items: groups.map((g) => ({
      nameKana: byId.get(g.ids[0] ?? '')?.name_kana ?? g.kana_key,
      birthDate: g.birth_date,
      patients: g.ids.flatMap((id) => {
        const p = byId.get(id);
        return p ? [toPatientSummary(p)] : [];
      }),
    })),
  };
}

/**
 * Folds a duplicate into the record that stays (ward_admin): the duplicate's circle moves over
 * (a current membership the kept record already has is ended instead), other modules move their
 * rows, and the duplicate is kept as `merged`. Audited. Throws patients.merge_same,
 * patients.not_found, patients.already_merged, patients.merge_not_duplicate.
 */
export async function mergePatients(deps: Deps, ctx: RequestContext, input: PatientMergeInput) {
  if (input.keepId === input.mergeId) throw new AppError('patients.merge_same');
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const rows = await lockPatients(trx, actor.municipalityCode, [input.keepId, input.mergeId]);
    const keep = rows.find((r) => r.id === input.keepId);
    const merge = rows.find((r) => r.id === input.mergeId);
    if (!keep || !merge) throw new AppError('patients.not_found');
    if (keep.status !== 'active' || merge.status !== 'active') throw new AppError('patients.already_merged');
    if (keep.kana_key !== merge.kana_key || String(keep.birth_date) !== String(merge.birth_date)) {
      throw new AppError('patients.merge_not_duplicate');
    }
    // Same facility in the same role on both: end the duplicate's, so one current row remains.
    await trx
      .updateTable('care_circle_memberships as m')
      .set({ valid_to: now, end_reason: 'merged duplicate', ended_by: actor.userId })
      .where('m.patient_id', '=', merge.id)
      .where('m.valid_to', 'is', null)
      .where('m.facility_id', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('care_circle_memberships as k')
            .select('k.id')
            .where('k.patient_id', '=', keep.id)
            .where('k.valid_to', 'is', null)
            .whereRef('k.role', '=', 'm.role')
            .whereRef('k.facility_id', '=', 'm.facility_id'),
        ),
      )
      .execute();
    const moved = await trx
      .updateTable('care_circle_memberships')
      .set({ patient_id: keep.id })
      .where('patient_id', '=', merge.id)
      .returning('id')
      .execute();
    await runMergeHandlers(trx, { fromId: merge.id, intoId: keep.id });
    await trx
      .updateTable('patients')
      .set({ status: 'merged', merged_into: keep.id, updated_at: now })
      .where('id', '=', merge.id)
      .execute();
    await recordAccess(trx, ctx, {
      patientId: keep.id,
      recordType: 'patient_merge',
      recordId: merge.id,
      action: 'write',
    });
    await audit({
      action: 'patient.merge',
      recordType: 'patient',
      recordId: merge.id,
      patientId: keep.id,
      details: { keepId: keep.id, mergeId: merge.id, movedMemberships: moved.map((m) => m.id) },
    });
    return { keepId: keep.id, mergeId: merge.id, movedMemberships: moved.length };
  });
}
