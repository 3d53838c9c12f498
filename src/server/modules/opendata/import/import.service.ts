import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportReport, ImportRowError, OpenDataLayout } from '../../../../contracts/opendata';
import { writeAudit } from '../../../platform/audit/audit.service';
import type { RequestContext } from '../../../platform/context';
import { lockForTransaction } from '../../../platform/db/advisory-lock.queries';
import type { Database } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import type { ModuleDeps } from '../../../platform/module';
import { listMunicipalities } from '../../../platform/municipality.queries';
import { inspectFile } from '../parse/open-data-reader';
import { readOpenDataFor } from '../parse/read-in-worker';
import type { ResolvedRow } from '../parse/row-resolution';
import '../opendata.table';
import { ImportIndexes, isBulkImport } from './bulk-indexes';
import { countFacilitiesByMunicipality } from './facility-state.queries';
import { PRELOAD_UP_TO, processBatch } from './import-batch';
import { emptyIndex } from './import-plan';
import type { ImportRun, WrittenFacility } from './import-run';

/** What to import and how; who imports comes from the context (see importedBy). */
export type ImportInput = {
  /** The file's bytes: CSV (UTF-8 or CP932) or XLSX, the engine tells which. */
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  /**
   * `--municipality` (always the admin's own on the web): rows without a municipality of their own
   * go there, rows the file places in another municipality are skipped and counted.
   */
  municipalityOverride?: string;
  overwriteEditorEdits: boolean;
  /** Called every few thousand rows (the CLI prints progress on stderr). */
  progress?: (rows: number) => void;
  /** Errors listed in the report; more are counted only. */
  maxErrors?: number;
  batchSize?: number;
  /**
   * A municipality with up to this many facilities has them loaded once and matched in memory;
   * a larger one is looked up batch by batch (default 20,000; see existingFacilities).
   */
  preloadUpTo?: number;
  /** Read on a worker thread (default: files from 2 MB; see read-in-worker.ts). */
  readInWorker?: boolean;
};

/** Rejected rows whose cells the report carries (the admin page shows them with the faulty cells marked). */
const REJECTED_ROWS_SHOWN = 100;

/** Signals "roll the transaction back" once every row has been read and reported. */
class Rollback extends Error {}

// One import at a time per installation: two imports of overlapping files would race on matching.
const IMPORT_LOCK = 7_346_004;

/**
 * Who an import names in the audit log, its history row and the facilities' history: the signed-in
 * admin (user id and e-mail), or the system that runs it (`systemContext`: the CLI's `cli`).
 * Throws auth.required for a context with neither.
 */
function importedBy(ctx: RequestContext): ImportRun['actor'] {
  if (ctx.actor) return { userId: ctx.actor.userId, label: ctx.actor.email };
  if (ctx.system) return { userId: null, label: ctx.system };
  throw new AppError('auth.required');
}

/**
 * Imports a facility list all or nothing: any rejected row (or a fault of the file) means nothing
 * is committed. A dry run plans and counts without writing. Never throws for bad input; the
 * report carries the errors with spreadsheet line numbers. Run by a ward admin (the admin page)
 * or as the system (`zaitaku import`); throws auth.required for anyone else.
 */
export async function importOpenData(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  input: ImportInput,
): Promise<ImportReport> {
  const { db } = deps;
  const { bytes } = input;
  const actor = importedBy(ctx);
  const started = Date.now();
  const report = emptyImportReport(input.fileName, {
    dryRun: input.dryRun,
    encoding: inspectFile(bytes).encoding,
  });
  const municipalities = await loadMunicipalities(db);
  const errorsCap = input.maxErrors ?? 1000;
  const base = {
    report,
    layout: 'medical_standard' as OpenDataLayout,
    fileName: input.fileName,
    now: new Date(),
    overwriteEditorEdits: input.overwriteEditorEdits,
    actor,
    municipalities,
    populated: await countFacilitiesByMunicipality(db),
    preloaded: new Map(),
    preloadUpTo: input.preloadUpTo ?? PRELOAD_UP_TO,
    touched: new Map<string, number>(),
    written: emptyIndex<WrittenFacility>(),
    towns: new Map(),
    districts: new Map(),
    pushError(error: ImportRowError) {
      if (report.errors.length < errorsCap) report.errors.push(error);
      else report.errorsTruncated = true;
    },
    keepRejectedRow(line: number, sheet: string, cells: Record<string, string>) {
      if (report.rejectedRows.length >= REJECTED_ROWS_SHOWN) return;
      report.rejectedRows.push({ line, ...(sheet ? { sheet } : {}), cells });
    },
  };
  if (input.dryRun) {
    await readAll({ ...base, trx: null, reader: db, indexes: new ImportIndexes(false) }, input);
  } else {
    try {
      // Not runUseCase: its retry after a serialisation failure would run a whole import again into
      // the same report, and an import from the CLI has no request. The Rollback throw ends it with
      // the report intact. The lock and the audit are the same as in a use case.
      await db.transaction().execute(async (trx) => {
        await lockForTransaction(trx, IMPORT_LOCK);
        const indexes = new ImportIndexes(await isBulkImport(trx, bytes.byteLength));
        await readAll({ ...base, trx, reader: trx, indexes }, input);
        if (!isClean(report)) throw new Rollback();
        report.indexRebuildMs = await indexes.afterImport(trx);
        await writeAudit(trx, ctx, {
          action: 'opendata.import',
          recordType: 'opendata_import',
          municipalityCode: input.municipalityOverride ?? null,
          details: auditDetails(report),
        });
      });
      report.committed = true;
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      report.committed = false;
    }
  }
  report.durationMs = Date.now() - started;
  await recordImport(db, input, actor, report, new Date(started));
  return report;
}

async function readAll(run: ImportRun, input: ImportInput): Promise<void> {
  const batchSize = input.batchSize ?? 1000;
  let batch: ResolvedRow[] = [];
  let lastProgress = 0;
  const skipped = new Map<string, number>();
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await processBatch(run, rows);
  };
  const reader = readOpenDataFor(
    input.bytes,
    {
      fileName: input.fileName,
      municipalityOverride: input.municipalityOverride,
      knownMunicipality: (code) => run.municipalities.get(code),
      worker: input.readInWorker,
    },
    run.municipalities,
  );
  for await (const event of reader) {
    switch (event.type) {
      case 'sheet':
        await flush();
        run.layout = event.layout ?? run.layout;
        run.report.layout ??= event.layout;
        run.report.sheets.push({ name: event.name, layout: event.layout, rows: 0 });
        break;
      case 'row':
        run.report.rows++;
        bumpSheet(run.report);
        batch.push(event.row);
        if (batch.length >= batchSize) await flush();
        break;
      case 'rejected':
        run.report.rows++;
        run.report.rejected++;
        bumpSheet(run.report);
        for (const error of event.errors) run.pushError(error);
        run.keepRejectedRow(event.line, event.sheet, event.raw);
        break;
      case 'skipped':
        run.report.rows++;
        run.report.skipped++;
        bumpSheet(run.report);
        skipped.set(event.municipalityCode, (skipped.get(event.municipalityCode) ?? 0) + 1);
        break;
      case 'file_error':
        run.pushError(event.error);
        break;
    }
    if (input.progress && run.report.rows - lastProgress >= 10_000) {
      lastProgress = run.report.rows;
      input.progress(run.report.rows);
    }
  }
  await flush();
  run.report.skippedMunicipalities = [...skipped]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 20)
    .map(([code, rows]) => ({ code, rows }));
}

function bumpSheet(report: ImportReport): void {
  const sheet = report.sheets.at(-1);
  if (sheet) sheet.rows++;
}

function isClean(report: ImportReport): boolean {
  return report.errors.length === 0 && report.rejected === 0;
}

/** The report of an import that has read nothing yet (the CLI's for a file it cannot read, too). */
export function emptyImportReport(
  file: string,
  { dryRun, encoding }: Pick<ImportReport, 'dryRun' | 'encoding'>,
): ImportReport {
  return {
    file,
    layout: null,
    encoding,
    rows: 0,
    accepted: 0,
    rejected: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    skippedMunicipalities: [],
    errors: [],
    dryRun,
    committed: false,
    municipalitiesAdded: [],
    editorEdits: [],
    sheets: [],
    errorsTruncated: false,
    rejectedRows: [],
    durationMs: 0,
    indexRebuildMs: 0,
  };
}

async function loadMunicipalities(db: Kysely<Database>) {
  const rows = await listMunicipalities(db);
  return new Map(rows.map((r) => [r.code, { name: r.name, prefecture: r.prefecture }]));
}

function auditDetails(report: ImportReport): Record<string, unknown> {
  return {
    file: report.file,
    layout: report.layout,
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    municipalitiesAdded: report.municipalitiesAdded.map((m) => m.code),
    editorEditsOverwritten: report.editorEdits.filter((e) => e.overwritten).length,
  };
}

async function recordImport(
  db: Kysely<Database>,
  input: ImportInput,
  actor: ImportRun['actor'],
  report: ImportReport,
  startedAt: Date,
): Promise<void> {
  const { bytes } = input;
  await db
    .insertInto('opendata_imports')
    .values({
      municipality_code: input.municipalityOverride ?? null,
      file_name: input.fileName.slice(0, 255),
      file_sha256: createHash('sha256').update(bytes).digest('hex'),
      file_bytes: bytes.byteLength,
      layout: report.layout,
      encoding: report.encoding,
      dry_run: report.dryRun,
      committed: report.committed,
      row_count: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
      report: JSON.stringify({ ...report, errors: report.errors.slice(0, 200), rejectedRows: [] }),
      imported_by_user_id: actor.userId,
      imported_by_label: actor.label,
      started_at: startedAt,
    })
    .execute();
}
