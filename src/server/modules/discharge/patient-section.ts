import type { DischargeCaseSummary, ProviderChangeDto } from '../../../contracts/discharge';
import { recordAccesses } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { PatientRow } from '../patients';
import { presentCaseSummary } from './discharge.presenter';
import { listCasesOfPatient } from './discharge-case.queries';
import { presentChanges } from './discharge-case-detail';
import { type ChangeRow, listChangesOfPatient } from './provider-change.queries';

// Both sections need the patient's changes (the cases count theirs): read them once per request.
const changesOfRequest = new WeakMap<RequestContext, Map<string, Promise<ChangeRow[]>>>();

function changesOf(executor: Executor, ctx: RequestContext, patient: PatientRow): Promise<ChangeRow[]> {
  let ofPatient = changesOfRequest.get(ctx);
  if (!ofPatient) {
    ofPatient = new Map();
    changesOfRequest.set(ctx, ofPatient);
  }
  let changes = ofPatient.get(patient.id);
  if (!changes) {
    changes = listChangesOfPatient(executor, patient.municipality_code, patient.id);
    ofPatient.set(patient.id, changes);
  }
  return changes;
}

/** The patient page's `cases` (the patients module has checked access; we log our own reads). */
export async function loadCasesSection(
  executor: Executor,
  ctx: RequestContext,
  patient: PatientRow,
): Promise<DischargeCaseSummary[]> {
  const [rows, changes] = await Promise.all([
    listCasesOfPatient(executor, patient.municipality_code, patient.id),
    changesOf(executor, ctx, patient),
  ]);
  await recordAccesses(
    executor,
    ctx,
    rows.map((r) => ({
      patientId: patient.id,
      recordType: 'discharge_case',
      recordId: r.id,
      action: 'read' as const,
    })),
  );
  return rows.map((r) =>
    presentCaseSummary(r, {
      patientName: patient.name,
      openChanges: changes.filter(
        (c) =>
          c.case_id === r.id &&
          ['proposed', 'awaiting_consent', 'consented', 'incumbent_notified'].includes(c.status),
      ).length,
      escalations: changes.filter((c) => c.case_id === r.id && c.status === 'escalated').length,
    }),
  );
}

/** The patient page's `providerChanges`, each with its id and status. */
export async function loadChangesSection(
  executor: Executor,
  ctx: RequestContext,
  patient: PatientRow,
): Promise<ProviderChangeDto[]> {
  if (!ctx.actor) throw new AppError('auth.required');
  const rows = await changesOf(executor, ctx, patient);
  await recordAccesses(
    executor,
    ctx,
    rows.map((r) => ({
      patientId: patient.id,
      recordType: 'provider_change',
      recordId: r.id,
      action: 'read' as const,
    })),
  );
  return presentChanges(executor, ctx.actor, rows);
}
