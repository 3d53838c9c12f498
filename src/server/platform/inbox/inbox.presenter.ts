import type { Selectable } from 'kysely';
import type { InboxNotice } from '../../../contracts/inbox';
import type { InboxNoticeTable } from './inbox.table';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function presentNotice(row: Selectable<InboxNoticeTable>): InboxNotice {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    recordType: row.record_type,
    recordId: row.record_id,
    patientId: row.patient_id,
    createdAt: row.created_at.toISOString(),
    readAt: iso(row.read_at),
    requiresAck: row.requires_ack,
    acknowledgedAt: iso(row.acknowledged_at),
  };
}
