import type { Selectable } from 'kysely';
import type {
  ContactDto,
  DischargeCaseSummary,
  NoticeDto,
  ProviderChangeDto,
  TaskDto,
} from '../../../contracts/discharge';
import type { NoticeRow } from './case-notice.queries';
import type { CaseRow } from './discharge-case.queries';
import type { DischargeContactTable, DischargeTaskTable } from './discharge-case.table';
import type { ChangeRow, ConsentRow, ResponseRow } from './provider-change.queries';
import { type ChangeParty, gateMissing, providerChangeWorkflow } from './provider-change-status';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCaseSummary(
  row: CaseRow,
  extra: { patientName: string; openChanges: number; escalations: number },
): DischargeCaseSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: extra.patientName,
    hospitalName: row.hospital_name,
    admittedOn: row.admitted_on,
    expectedDischargeOn: row.expected_discharge_on,
    status: row.status,
    openChanges: extra.openChanges,
    escalations: extra.escalations,
  };
}

export function presentTask(row: Selectable<DischargeTaskTable>): TaskDto {
  return { id: row.id, title: row.title, ownerName: row.owner_name, dueOn: row.due_on, done: row.done };
}

export function presentContact(row: Selectable<DischargeContactTable>): ContactDto {
  return {
    id: row.id,
    kind: row.kind,
    withWhom: row.with_whom,
    at: row.at.toISOString(),
    outcome: row.outcome,
    recordedBy: row.recorded_by_label,
  };
}

export function presentNotice(row: NoticeRow): NoticeDto {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    providerChangeId: row.provider_change_id,
    recipientOrganisationId: row.recipient_organisation_id,
    recipientLabel: row.recipient_label,
    channel: row.channel,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    dueAt: iso(row.due_at),
  };
}

export function presentChange(
  row: ChangeRow,
  consent: ConsentRow | undefined,
  response: ResponseRow | undefined,
  party: ChangeParty | undefined,
): ProviderChangeDto {
  const missing = gateMissing(row.status);
  return {
    id: row.id,
    patientId: row.patient_id,
    caseId: row.case_id,
    role: row.role,
    toRole: row.to_role,
    fromFacilityId: row.from_facility_id,
    fromLabel: row.from_label,
    toFacilityId: row.to_facility_id,
    toLabel: row.to_label,
    reason: row.reason,
    status: row.status,
    consent: consent
      ? {
          givenBy: consent.given_by,
          representativeName: consent.representative_name,
          givenAt: consent.given_at.toISOString(),
          method: consent.method,
          agreed: consent.agreed,
          offeredKeepCurrent: consent.offered_keep_current,
          offeredSharedCare: consent.offered_shared_care,
          documentRef: consent.document_ref,
          recordedBy: consent.recorded_by_label,
        }
      : null,
    response: response
      ? {
          answer: response.answer,
          reason: response.reason,
          respondedBy: response.responded_by_label,
          respondedAt: response.responded_at.toISOString(),
        }
      : null,
    gate: { open: missing.length === 0, missing, escalationDueAt: iso(row.due_at) },
    actions: party ? providerChangeWorkflow.eventsFrom(row.status, party) : [],
    createdAt: row.created_at.toISOString(),
  };
}
