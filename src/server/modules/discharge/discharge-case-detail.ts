import type {
  DischargeCaseDetail,
  ProviderChangeDto,
  ProviderChangeStatus,
} from '../../../contracts/discharge';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { listNoticesOfCase } from './case-notice.queries';
import { coordinatingOrganisation, partyOf } from './discharge.policy';
import {
  presentCaseSummary,
  presentChange,
  presentContact,
  presentNotice,
  presentTask,
} from './discharge.presenter';
import { type CaseRow, listCaseItems, listContacts, listTasks } from './discharge-case.queries';
import { dischargeCaseWorkflow } from './discharge-case-status';
import {
  type ChangeRow,
  listChangesOfCase,
  listConsents,
  listLatestResponses,
} from './provider-change.queries';

export const BEHIND_GATE: readonly ProviderChangeStatus[] = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
];

/** Changes presented with their consent, latest answer and the caller's possible actions. */
export async function presentChanges(
  executor: Executor,
  actor: Actor,
  rows: ChangeRow[],
): Promise<ProviderChangeDto[]> {
  const ids = rows.map((r) => r.id);
  const [consents, responses] = await Promise.all([
    listConsents(executor, ids),
    listLatestResponses(executor, ids),
  ]);
  return rows.map((r) =>
    presentChange(
      r,
      consents.find((c) => c.change_id === r.id),
      responses.find((x) => x.change_id === r.id),
      partyOf(actor, r),
    ),
  );
}

/** Everything a case page shows (the caller has passed assertPatientAccess). */
export async function loadCaseDetail(
  executor: Executor,
  actor: Actor,
  row: CaseRow,
  patientName: string,
): Promise<DischargeCaseDetail> {
  const [items, tasks, contacts, notices, changes] = await Promise.all([
    listCaseItems(executor, row.id),
    listTasks(executor, row.id),
    listContacts(executor, row.id),
    listNoticesOfCase(executor, row.id),
    listChangesOfCase(executor, row.id),
  ]);
  const presented = await presentChanges(executor, actor, changes);
  return {
    ...presentCaseSummary(row, {
      patientName,
      openChanges: changes.filter((c) => BEHIND_GATE.includes(c.status)).length,
      escalations: changes.filter((c) => c.status === 'escalated').length,
    }),
    hospitalFacilityId: row.hospital_facility_id,
    note: row.note,
    actions: coordinatingOrganisation(actor) ? dischargeCaseWorkflow.eventsFrom(row.status) : [],
    checklist: items.map((i) => ({ id: i.id, label: i.label, done: i.done, note: i.note })),
    tasks: tasks.map(presentTask),
    contacts: contacts.map(presentContact),
    notices: notices.map(presentNotice),
    providerChanges: presented,
  };
}
