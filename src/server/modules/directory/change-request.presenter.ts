import type { Selectable } from 'kysely';
import type { ChangeRequestDto } from '../../../contracts/directory';
import { toIso } from './facility.presenter';
import type { FacilityChangeRequestTable } from './review.table';

export type ChangeRequestRow = Selectable<FacilityChangeRequestTable> & {
  facility_name: string;
  facility_version: number;
};

export function presentChangeRequest(row: ChangeRequestRow): ChangeRequestDto {
  return {
    id: row.id,
    facility: { id: row.facility_id, name: row.facility_name },
    source: row.source,
    status: row.status,
    baseVersion: row.base_version,
    currentVersion: row.facility_version,
    changes: (row.changes as Record<string, unknown> | null) ?? null,
    note: row.note,
    reportCategory: row.report_category,
    reportMessage: row.report_message,
    submittedBy: row.submitted_by_label,
    submittedAt: toIso(row.submitted_at),
    decidedBy: row.decided_by_label,
    decidedAt: row.decided_at ? toIso(row.decided_at) : null,
    reason: row.reason,
  };
}
