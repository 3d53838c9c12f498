import type { Selectable } from 'kysely';
import type { AccessAction, AccessBasis } from '../../../contracts/patients';
import { recordAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { clock } from '../../platform/time/clock';
import type { PatientTable } from './patient.table';
import type { PatientScope } from './patient-access.policy';
import { findPatientWithBasis, resolvePatientScope } from './patient-access.queries';

export type PatientRow = Selectable<PatientTable>;

// One scope per request: a page calls assertPatientAccess for several sections.
const scopes = new WeakMap<RequestContext, Promise<PatientScope>>();

/** The caller's patient scope (auth.required without an actor). */
export function scopeOf(executor: Executor, ctx: RequestContext): Promise<PatientScope> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = resolvePatientScope(executor, actor);
    scopes.set(ctx, scope);
  }
  return scope;
}

/** Keeps a scope read elsewhere in this request (the patient page's statement reads its own). */
export function rememberScope(ctx: RequestContext, scope: PatientScope): void {
  if (!scopes.has(ctx)) scopes.set(ctx, Promise.resolve(scope));
}

export type PatientAccess = { patient: PatientRow; basis: AccessBasis };

/**
 * The gate in front of every patient record, for this module and every later one: returns the
 * patient when the caller may reach it and records the access (who, what, from where). Throws
 * patients.not_found (404, whether the patient exists elsewhere or not at all) and
 * patients.break_glass_read_only (403) for a write under break-glass. `purpose` is the access-log
 * action: `read`, `write`, or `export` (the data leaves the system, as a FHIR export does; break-glass
 * treats it as a read).
 */
export async function assertPatientAccess(
  executor: Executor,
  ctx: RequestContext,
  patientId: string,
  purpose: AccessAction,
  record: { recordType: string; recordId?: string | null } = { recordType: 'patient' },
): Promise<PatientRow> {
  return (await assertPatientAccessWithBasis(executor, ctx, patientId, purpose, record)).patient;
}

/** assertPatientAccess that also tells how the caller reaches the patient (the page shows it). */
export async function assertPatientAccessWithBasis(
  executor: Executor,
  ctx: RequestContext,
  patientId: string,
  purpose: AccessAction,
  record: { recordType: string; recordId?: string | null } = { recordType: 'patient' },
): Promise<PatientAccess> {
  const scope = await scopeOf(executor, ctx);
  const found = await findPatientWithBasis(executor, scope, patientId, clock.now());
  if (!found) throw new AppError('patients.not_found');
  if (purpose === 'write' && found.basis === 'break_glass')
    throw new AppError('patients.break_glass_read_only');
  await recordAccess(executor, ctx, {
    patientId,
    recordType: record.recordType,
    recordId: record.recordId ?? (record.recordType === 'patient' ? patientId : null),
    action: purpose,
    basis: found.basis,
  });
  return { patient: found.patient as PatientRow, basis: found.basis };
}
