import { stringify } from 'csv-stringify/sync';
import type { AccessLogEntry, AccessLogList, AccessLogQuery } from '../../../contracts/patients';
import { type AccessLogFilter, listAccessLogRows } from '../../platform/access-log/access-log.queries';
import { writeAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import { decodeCursorOf, INTEGER_ID, toPage } from '../../platform/db/pagination';
import type { ModuleDeps } from '../../platform/module';

type Deps = Pick<ModuleDeps, 'db'>;
type Row = Awaited<ReturnType<typeof listAccessLogRows>>[number];

export const ACCESS_LOG_EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 5_000;

function filterOf(query: AccessLogQuery): AccessLogFilter {
  const { cursor: _cursor, limit: _limit, ...filter } = query;
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AccessLogFilter;
}

function toEntry(row: Row): AccessLogEntry {
  return {
    id: Number(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    patientId: row.patient_id,
    recordType: row.record_type,
    recordId: row.record_id,
    action: row.action,
    basis: row.basis,
    requestId: row.request_id,
    clientIp: row.client_ip,
  };
}

/** One page of the ward's access log (the ward admin's view; reading it is audited). */
export async function listAccessLog(
  deps: Deps,
  ctx: RequestContext,
  query: AccessLogQuery,
): Promise<AccessLogList> {
  const filter = filterOf(query);
  const rows = await listAccessLogRows(deps.db, ctx.municipalityCode, filter, {
    beforeId: decodeCursorOf(query.cursor, INTEGER_ID)?.id,
    limit: query.limit + 1,
  });
  const page = toPage(rows, query, (row) => ({ sort: Number(row.id), id: Number(row.id) }), toEntry);
  await writeAudit(deps.db, ctx, {
    action: 'access_log.read',
    recordType: 'access_log',
    patientId: filter.patientId,
    details: { filter, rows: page.items.length },
  });
  return page;
}

const CSV_HEADER = [
  '日時',
  '利用者ID',
  '利用者',
  '患者ID',
  '対象の種類',
  '対象ID',
  '操作',
  '根拠',
  'リクエストID',
  '接続元',
];
const tokyo = (d: Date | string) =>
  `${new Date(new Date(d).getTime() + 9 * 3_600_000).toISOString().replace('Z', '').slice(0, 19)}+09:00`;

/** The filtered access log as CSV for Excel (UTF-8 with BOM, Japan time), newest first; audited. */
export async function exportAccessLogCsv(
  deps: Deps,
  ctx: RequestContext,
  query: AccessLogQuery,
): Promise<{ csv: string; truncated: boolean }> {
  const filter = filterOf(query);
  const lines: string[][] = [CSV_HEADER];
  let beforeId: number | undefined;
  let truncated = false;
  for (;;) {
    const rows = await listAccessLogRows(deps.db, ctx.municipalityCode, filter, {
      beforeId,
      limit: EXPORT_PAGE,
    });
    for (const r of rows) {
      if (lines.length > ACCESS_LOG_EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      lines.push([
        tokyo(r.occurred_at),
        r.actor_user_id ?? '',
        r.actor_label ?? '',
        r.patient_id ?? '',
        r.record_type,
        r.record_id ?? '',
        r.action,
        r.basis ?? '',
        r.request_id ?? '',
        r.client_ip ?? '',
      ]);
    }
    if (truncated || rows.length < EXPORT_PAGE) break;
    beforeId = Number(rows[rows.length - 1]!.id);
  }
  await writeAudit(deps.db, ctx, {
    action: 'access_log.export',
    recordType: 'access_log',
    details: { filter, rows: lines.length - 1, truncated },
  });
  return { csv: `\uFEFF${stringify(lines)}`, truncated };
}
