import type {
  ConsultationContact,
  ConsultationDetail,
  ConsultationSummary,
} from '../../../contracts/consultations';
import type { ConsultationRow, ContactRow } from './consultation.queries';
import { type ConsultationParty, consultationWorkflow } from './consultation-status';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A row as the window's list shows it (the caller is the window's staff: nothing to strip). */
export function presentConsultationSummary(row: ConsultationRow, contactCount: number): ConsultationSummary {
  return {
    id: row.id,
    status: row.status,
    organisationId: row.organisation_id,
    subjectName: row.subject_name,
    subjectKana: row.subject_kana,
    ageBand: row.age_band,
    districtCode: row.district_code,
    livesInWard: row.lives_in_ward,
    patientId: row.patient_id,
    flags: row.gap_flags,
    routedTo: row.routed_to ? { target: row.routed_to, note: row.routed_note } : null,
    firstContactAt: row.first_contact_at.toISOString(),
    lastContactAt: row.last_contact_at.toISOString(),
    contactCount,
  };
}

export function presentConsultationContact(row: ContactRow): ConsultationContact {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    channel: row.channel,
    consulter: row.consulter,
    institution:
      row.institution_name && row.institution_in_ward
        ? {
            facilityId: row.institution_facility_id,
            name: row.institution_name,
            inWard: row.institution_in_ward,
          }
        : null,
    referralSource: row.referral_source,
    topics: row.topics,
    responses: row.responses,
    summary: row.summary,
    followUpOn: row.follow_up_on,
    recordedBy: row.recorded_by_label,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentConsultationDetail(
  row: ConsultationRow,
  extra: { windowName: string; contacts: ContactRow[]; party: ConsultationParty | undefined },
): ConsultationDetail {
  return {
    ...presentConsultationSummary(row, extra.contacts.length),
    windowName: extra.windowName,
    openedBy: row.opened_by_label,
    closedAt: iso(row.closed_at),
    createdAt: row.created_at.toISOString(),
    contacts: extra.contacts.map(presentConsultationContact),
    events: consultationWorkflow.eventsFrom(row.status, extra.party),
  };
}
