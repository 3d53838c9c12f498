import type { Transaction } from 'kysely';
import { writeAudit } from '../../platform/audit/audit.service';
import { systemContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import type { ModuleDeps } from '../../platform/module';
import { isBusinessDay } from '../../platform/time/business-days';
import { tokyoDate } from '../../platform/time/tokyo-calendar';
import { runUseCase } from '../../platform/use-case';
import { currentCircle } from '../patients';
import { listNoticesOfChange, updateNotice } from './case-notice.queries';
import { findCase } from './discharge-case.queries';
import { noticeFor, sendNotices } from './notice.service';
import { noticeWorkflow } from './notice-status';
import { findChange, listDueChanges, updateChange } from './provider-change.queries';
import { providerChangeWorkflow } from './provider-change-status';

/** Changes escalated per run: one run stays short; the next run takes the rest. */
const BATCH = 200;

/** The daily job that escalates silent incumbents (declared in the module's `jobs`). */
export const ESCALATION_JOB = 'discharge.escalate';

/**
 * Escalates every change whose incumbent stayed silent past its deadline (business days counted
 * when the notice went out): the change moves to `escalated` (the gate's second condition is then
 * met), the unanswered notices expire and escalate, and the patient's 包括 centre and the
 * hospital's liaison office are told. Each change in its own transaction, so one failure does not
 * hold back the others. Called by `zaitaku discharge escalate` and by tests.
 */
export async function escalateDue(deps: Pick<ModuleDeps, 'db'>, now: Date): Promise<{ escalated: number }> {
  let escalated = 0;
  for (const due of await listDueChanges(deps.db, now, BATCH)) {
    const done = await runUseCase(
      deps,
      systemContext(ESCALATION_JOB, due.municipality_code),
      ({ trx }) => escalateOne(trx, due.id, due.municipality_code, now),
      { requireActor: false },
    );
    if (done) escalated++;
  }
  return { escalated };
}

/**
 * The daily job's run, on business days only (the 包括 and the liaison office work then; a
 * deadline is counted in business days, so nothing falls due on a holiday that a run would miss):
 * everything due is escalated in the job's transaction, committed once with the job's "done".
 */
export async function escalateDueInJob(
  trx: Transaction<Database>,
  now: Date,
): Promise<{ escalated: number }> {
  if (!isBusinessDay(tokyoDate(now))) return { escalated: 0 };
  let escalated = 0;
  for (const due of await listDueChanges(trx, now, BATCH)) {
    if (await escalateOne(trx, due.id, due.municipality_code, now)) escalated++;
  }
  return { escalated };
}

async function escalateOne(
  trx: Transaction<Database>,
  changeId: string,
  municipalityCode: string,
  now: Date,
): Promise<boolean> {
  const ctx = systemContext(ESCALATION_JOB, municipalityCode);
  const row = await findChange(trx, municipalityCode, changeId, true);
  // Answered or withdrawn while we looked: nothing to escalate.
  if (row?.status !== 'incumbent_notified' || !row.due_at || row.due_at > now) return false;
  const status = providerChangeWorkflow.next(row.status, 'escalate', 'system');
  await updateChange(trx, row.id, { status, escalated_at: now, updated_at: now });
  for (const notice of await listNoticesOfChange(trx, row.id, 'provider_change')) {
    if (notice.status === 'acknowledged') continue;
    noticeWorkflow.next(noticeWorkflow.next(notice.status, 'expire'), 'escalate');
    await updateNotice(trx, notice.id, { status: 'escalated', escalated_at: now });
  }
  const circle = await currentCircle(trx, row.municipality_code, row.patient_id);
  // the 包括 of the circle and the hospital's liaison office (the admitting hospital, or the case's)
  const recipients = circle.filter((m) => m.role === 'support_center' || m.role === 'admitting_hospital');
  const hospital = row.case_id ? await findCase(trx, row.municipality_code, row.case_id) : undefined;
  const liaison = hospital?.hospital_organisation_id ?? hospital?.opened_by_organisation_id;
  const draft = {
    municipality_code: row.municipality_code,
    kind: 'escalation' as const,
    patient_id: row.patient_id,
    case_id: row.case_id,
    provider_change_id: row.id,
    created_at: now,
  };
  await sendNotices(trx, [
    ...recipients.map((m) => noticeFor(m, draft)),
    ...(liaison && !recipients.some((m) => m.organisationId === liaison)
      ? [{ ...draft, recipient_organisation_id: liaison, recipient_label: hospital?.hospital_name ?? '—' }]
      : []),
  ]);
  await writeAudit(trx, ctx, {
    action: 'discharge.change.escalate',
    recordType: 'provider_change',
    recordId: row.id,
    patientId: row.patient_id,
    municipalityCode: row.municipality_code,
    details: { dueAt: row.due_at.toISOString() },
  });
  return true;
}
