import type {
  CircleHistory,
  CircleMember,
  CircleMemberEnd,
  CircleMemberInput,
} from '../../../contracts/patients';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { listCircleHistory } from './care-circle.queries';
import { addCircleMember, changeCircleMember, endCircleMember } from './care-circle.service';
import { toCircleMember } from './patient.presenter';
import { assertPatientAccess } from './patient-access.service';

type Deps = Pick<ModuleDeps, 'db'>;

/** Every membership of the circle, current and ended. Throws patients.not_found. */
export async function getCircleHistory(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
): Promise<CircleHistory> {
  const patient = await assertPatientAccess(deps.db, ctx, patientId, 'read', { recordType: 'care_circle' });
  const rows = await listCircleHistory(deps.db, patient.municipality_code, patient.id);
  return { items: rows.map(toCircleMember) };
}

/**
 * Adds a member to the circle, ending the current holder of the role (`replace`) or keeping them
 * (`add`, shared care). A change of family doctor, dentist or pharmacy proposed at discharge goes
 * through the discharge module's continuity gate instead; this is the circle's plain record.
 * Throws patients.not_found, patients.unknown_facility, patients.unknown_organisation,
 * patients.date_in_future, patients.date_before_start, patients.member_duplicate.
 */
export async function addMember(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
  input: CircleMemberInput,
): Promise<CircleMember> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      const patient = await assertPatientAccess(trx, ctx, patientId, 'write', { recordType: 'care_circle' });
      const from = input.validFrom ? new Date(input.validFrom) : now;
      const change = {
        patientId: patient.id,
        role: input.role,
        facilityId: input.facilityId,
        organisationId: input.organisationId,
        personName: input.personName,
        from,
        reason: input.reason,
        actor,
        ctx,
      };
      const { memberId, endedIds } =
        input.mode === 'add'
          ? { ...(await addCircleMember(trx, change, now)), endedIds: [] as string[] }
          : await changeCircleMember(trx, change, now);
      await audit({
        action: 'care_circle.add',
        recordType: 'care_circle_membership',
        recordId: memberId,
        patientId: patient.id,
        details: { role: input.role, mode: input.mode, ended: endedIds },
      });
      const rows = await listCircleHistory(trx, patient.municipality_code, patient.id);
      const row = rows.find((r) => r.id === memberId);
      if (!row) throw new AppError('patients.member_not_found');
      return toCircleMember(row);
    },
    { uniqueViolations: { care_circle_one_facility_per_role: 'patients.member_duplicate' } },
  );
}

/** Ends one membership with a reason. Throws patients.not_found, patients.member_not_found, patients.member_already_ended. */
export async function endMember(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
  memberId: string,
  input: CircleMemberEnd,
): Promise<CircleMember> {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const patient = await assertPatientAccess(trx, ctx, patientId, 'write', {
      recordType: 'care_circle_membership',
      recordId: memberId,
    });
    const validTo = input.validTo ? new Date(input.validTo) : now;
    await endCircleMember(
      trx,
      { patientId: patient.id, memberId, validTo, reason: input.reason, actor },
      now,
    );
    await audit({
      action: 'care_circle.end',
      recordType: 'care_circle_membership',
      recordId: memberId,
      patientId: patient.id,
    });
    const row = (await listCircleHistory(trx, patient.municipality_code, patient.id)).find(
      (r) => r.id === memberId,
    );
    if (!row) throw new AppError('patients.member_not_found');
    return toCircleMember(row);
  });
}
