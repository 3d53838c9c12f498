import type { Kysely } from 'kysely';
import type { ImportSummary } from '../../../../contracts/opendata';
import type { Database } from '../../../platform/db/schema';
import '../opendata.table';

/** The municipality's last imports, newest first (dry runs and refused files included). */
export async function listRecentImports(
  db: Kysely<Database>,
  municipalityCode: string,
): Promise<ImportSummary[]> {
  const rows = await db
    .selectFrom('opendata_imports')
    .select([
      'id',
      'file_name',
      'layout',
      'dry_run',
      'committed',
      'row_count',
      'created',
      'updated',
      'unchanged',
      'rejected',
      'imported_by_label',
      'started_at',
    ])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('started_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    layout: r.layout,
    dryRun: r.dry_run,
    committed: r.committed,
    rows: r.row_count,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    importedBy: r.imported_by_label,
    startedAt: new Date(r.started_at).toISOString(),
  }));
}
