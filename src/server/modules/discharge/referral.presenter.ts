import type { CapacityDto } from '../../../contracts/directory-core';
import type { ReferralDto, ReferralEvent, ReferredPatient } from '../../../contracts/referrals';
import type { ReferralRow } from './referral.queries';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Row → DTO. The caller decides what the reader may see: `patient` only for a granted recipient. */
export function presentReferral(
  row: ReferralRow,
  extra: {
    capacity: CapacityDto | null;
    openForRole: number;
    actions: ReferralEvent[];
    patient: ReferredPatient | null;
  },
): ReferralDto {
  return {
    id: row.id,
    patientId: row.patient_id,
    caseId: row.case_id,
    providerChangeId: row.provider_change_id,
    role: row.role,
    recipientFacilityId: row.recipient_facility_id,
    recipientOrganisationId: row.recipient_organisation_id,
    recipientLabel: row.recipient_label,
    viaAssociation: row.via_association,
    namedFacilityId: row.named_facility_id,
    namedLabel: row.named_label,
    senderLabel: row.sender_label,
    status: row.status,
    reason: row.reason,
    note: row.note,
    capacity: extra.capacity,
    capacityAtSend:
      row.capacity_signal && row.capacity_set_at
        ? { signal: row.capacity_signal, setAt: row.capacity_set_at.toISOString() }
        : null,
    agreement:
      row.agreement_given_by && row.agreement_method && row.agreement_given_at
        ? {
            givenBy: row.agreement_given_by,
            method: row.agreement_method,
            givenAt: row.agreement_given_at.toISOString(),
            ...(row.agreement_note ? { note: row.agreement_note } : {}),
          }
        : null,
    // The warning counts the others, not this one.
    openForSameRole: Math.max(0, extra.openForRole - (isCounted(row) ? 1 : 0)),
    sentAt: iso(row.sent_at),
    receivedAt: iso(row.received_at),
    answeredAt: iso(row.answered_at),
    closedAt: iso(row.closed_at),
    createdAt: row.created_at.toISOString(),
    actions: extra.actions,
    patient: extra.patient,
  };
}

function isCounted(row: ReferralRow): boolean {
  return (
    row.status === 'draft' || row.status === 'sent' || row.status === 'received' || row.status === 'accepted'
  );
}
