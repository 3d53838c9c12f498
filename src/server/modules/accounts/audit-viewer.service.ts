import { stringify } from 'csv-stringify/sync';
import type { AuditList, AuditQuery } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { decodeCursorOf, INTEGER_ID, toPage } from '../../platform/db/pagination';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { toAuditEntry } from './admin.presenter';
import { type AuditFilter, listAuditRows } from './audit-viewer.queries';

type Deps = Pick<ModuleDeps, 'db'>;

/** Rows per CSV export; a larger period is exported in parts (narrow the time range). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 5_000;

function filterOf(query: AuditQuery): AuditFilter {
  const { cursor: _cursor, limit: _limit, ...filter } = query;
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AuditFilter;
}

/** Audit rows are ordered by their id alone (the chain's order), so the shared cursor's id is the position. */
const beforeIdOf = (cursor: string | undefined) => decodeCursorOf(cursor, INTEGER_ID)?.id;

/** One page of the municipality's audit log. Reading the audit log is itself audited. */
export async function listAudit(deps: Deps, ctx: RequestContext, query: AuditQuery): Promise<AuditList> {
  const filter = filterOf(query);
  const beforeId = beforeIdOf(query.cursor);
  return runUseCase(deps, ctx, async ({ trx, audit }) => {
    const rows = await listAuditRows(trx, ctx.municipalityCode, filter, { beforeId, limit: query.limit + 1 });
    const page = toPage(rows, query, (row) => ({ sort: row.id, id: row.id }), toAuditEntry);
    await audit({
      action: 'audit.read',
      recordType: 'audit_log',
      details: { filter, cursor: query.cursor ?? null, rows: page.items.length },
    });
    return page;
  });
}

const CSV_HEADER = [
  '日時',
  '利用者ID',
  '利用者',
  '所属組織ID',
  '操作',
  '結果',
  '対象の種類',
  '対象ID',
  '患者ID',
  'リクエストID',
  '接続元',
  '詳細',
];

/**
 * The filtered audit log as CSV for Excel: UTF-8 with BOM, times in Japan time with +09:00, at most
 * AUDIT_EXPORT_MAX_ROWS rows (newest first). The export is audited.
 */
export async function exportAuditCsv(
  deps: Deps,
  ctx: RequestContext,
  query: AuditQuery,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const filter = filterOf(query);
  const startId = beforeIdOf(query.cursor);
  return runUseCase(deps, ctx, async ({ trx, audit }) => {
    const lines: string[][] = [];
    let beforeId = startId;
    for (;;) {
      const limit = Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX_ROWS - lines.length);
      const rows = await listAuditRows(trx, ctx.municipalityCode, filter, { beforeId, limit });
      for (const row of rows) {
        const e = toAuditEntry(row);
        lines.push([
          e.occurredAt,
          e.actorUserId ?? '',
          e.actorLabel ?? '',
          e.actorOrganisationId ?? '',
          e.action,
          e.outcome,
          e.recordType ?? '',
          e.recordId ?? '',
          e.patientId ?? '',
          e.requestId ?? '',
          e.clientIp ?? '',
          e.details === null || e.details === undefined ? '' : JSON.stringify(e.details),
        ]);
      }
      if (rows.length < limit || lines.length >= AUDIT_EXPORT_MAX_ROWS) break;
      beforeId = rows[rows.length - 1]?.id;
    }
    const truncated = lines.length >= AUDIT_EXPORT_MAX_ROWS;
    await audit({
      action: 'audit.export',
      recordType: 'audit_log',
      details: { filter, rows: lines.length, truncated },
    });
    const csv = `\uFEFF${stringify([CSV_HEADER, ...lines], { record_delimiter: '\r\n' })}`;
    return { csv, rows: lines.length, truncated };
  });
}
