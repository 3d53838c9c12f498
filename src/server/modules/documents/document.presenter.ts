import type { DocumentDetail, DocumentSummary, ReadReceiptDto } from '../../../contracts/documents';
import type { DocumentRow, ReceiptRow, VersionRow } from './document.queries';

export function presentSummary(
  row: DocumentRow,
  extra: { organisationName: string; mine: boolean; readCount: number | null },
): DocumentSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    caseId: row.case_id,
    providerChangeId: row.provider_change_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    version: row.version,
    authorOrganisationId: row.author_organisation_id,
    authorOrganisationName: extra.organisationName,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finalisedAt: row.finalised_at?.toISOString() ?? null,
    mine: extra.mine,
    // readers are reported to the author only
    readCount: extra.mine ? extra.readCount : null,
  };
}

export function presentReceipt(row: ReceiptRow): ReadReceiptDto {
  return {
    version: row.version,
    readerName: row.reader_label,
    organisationName: row.reader_organisation_label,
    readAt: row.read_at.toISOString(),
  };
}

export function presentDetail(
  summary: DocumentSummary,
  parts: {
    patient: { name: string; name_kana: string; birth_date: string };
    shown: VersionRow;
    versions: Array<Pick<VersionRow, 'version' | 'status' | 'saved_at' | 'saved_by_label'>>;
    receipts: ReceiptRow[] | null;
    actions: DocumentDetail['actions'];
    dischargeCase: DocumentDetail['dischargeCase'];
  },
): DocumentDetail {
  return {
    ...summary,
    dischargeCase: parts.dischargeCase,
    patientName: parts.patient.name,
    patientKana: parts.patient.name_kana,
    patientBirthDate: parts.patient.birth_date,
    shownVersion: parts.shown.version,
    shownVersionStatus: parts.shown.status,
    savedByName: parts.shown.saved_by_label,
    savedAt: parts.shown.saved_at.toISOString(),
    content: parts.shown.content,
    versions: parts.versions.map((v) => ({
      version: v.version,
      status: v.status,
      savedAt: v.saved_at.toISOString(),
      savedByName: v.saved_by_label,
    })),
    receipts: parts.receipts?.map(presentReceipt) ?? null,
    actions: parts.actions,
  };
}
