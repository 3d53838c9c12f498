import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { isValidMunicipalityCode } from '../../../contracts/municipality-code';
import { ExportDataset, ExportFormat, type ImportReport, layoutLabels } from '../../../contracts/opendata';
import { openDataErrors } from '../../../contracts/opendata-errors';
import type { CliCommand } from '../../platform/cli-command';
import { systemContext } from '../../platform/context';
import { withDatabase } from '../../platform/db/with-database';
import { isAppError } from '../../platform/errors';
import { exportOpenData } from './export/export.service';
import { emptyImportReport, importOpenData } from './import/import.service';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const IMPORT_USAGE =
  'zaitaku import <file> [--municipality CODE] [--dry-run] [--json] [--overwrite-editor-edits]';
const EXPORT_USAGE =
  'zaitaku export --format csv|csv-cp932|xlsx|hsds|fhir [--dataset medical|care] [--municipality CODE] --out PATH';

/** A report for a file that could not be read at all (so `--json` still prints one report). */
function fileFailure(file: string, code: keyof typeof openDataErrors, detail = ''): ImportReport {
  const entry = openDataErrors[code];
  return {
    ...emptyImportReport(file, { dryRun: false, encoding: null }),
    errors: [{ line: 0, column: null, code, message: `${entry.ja}${detail} / ${entry.en}` }],
  };
}

function printReport(report: ImportReport): void {
  const where = (e: ImportReport['errors'][number]) =>
    `${report.file}${e.sheet ? `[${e.sheet}]` : ''}:${e.line}${e.column ? `:${e.column}` : ''}`;
  for (const e of report.errors) err(`${where(e)}: ${e.message} [${e.code}]`);
  if (report.errorsTruncated) err('…ほかにも誤りがあります / more errors were not listed');
  const layout = report.layout ? layoutLabels[report.layout].ja : '—';
  out(`様式 / layout: ${layout} (${report.encoding ?? '—'})`);
  out(
    `行 / rows: ${report.rows}  受付 / accepted: ${report.accepted}  却下 / rejected: ${report.rejected}  ` +
      `新規 / created: ${report.created}  更新 / updated: ${report.updated}  変更なし / unchanged: ${report.unchanged}`,
  );
  if (report.skipped > 0) {
    const listed = report.skippedMunicipalities;
    const more = listed.reduce((sum, m) => sum + m.rows, 0) < report.skipped ? ', …' : '';
    const codes = `${listed.map((m) => `${m.code}: ${m.rows}`).join(', ')}${more}`;
    out(
      `ほかの自治体の行 ${report.skipped} 件は取り込みません / ${report.skipped} rows of other municipalities skipped (${codes})`,
    );
  }
  for (const m of report.municipalitiesAdded) {
    out(
      `自治体を追加${report.committed ? 'しました' : 'します'} / municipality added: ${m.code} ${m.prefecture}${m.name}`,
    );
  }
  for (const e of report.editorEdits) {
    const verb = e.overwritten ? '上書きしました / overwritten' : '残しました / kept';
    out(`施設の編集者による変更を${verb}: ${e.line}行目 ${e.name} (${e.fields.join('、')})`);
  }
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const rebuild =
    report.indexRebuildMs > 0
      ? `（うち検索索引の再構築 ${seconds(report.indexRebuildMs)} 秒 / index rebuild ${seconds(report.indexRebuildMs)} s）`
      : '';
  out(`所要時間 / took: ${seconds(report.durationMs)} 秒 / s${rebuild}`);
  if (report.committed) out('取り込みました / committed');
  else if (report.dryRun) out('確認のみ: 何も変更していません / dry run: nothing was changed');
  else out('誤りがあるため、何も取り込みませんでした / nothing was committed');
}

async function runImport(args: string[], config: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      municipality: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'overwrite-editor-edits': { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    err(`使い方 / usage: ${IMPORT_USAGE}`);
    return 2;
  }
  if (values.municipality && !isValidMunicipalityCode(values.municipality)) {
    err(`全国地方公共団体コードが正しくありません / invalid municipality code: ${values.municipality}`);
    return 2;
  }
  const emit = (report: ImportReport) => (values.json ? out(JSON.stringify(report)) : printReport(report));
  if (!existsSync(file) || !statSync(file).isFile()) {
    emit(fileFailure(file, 'opendata.file_not_found', `（${file}）`));
    return 1;
  }
  const bytes = readFileSync(file);
  return withDatabase(config, async ({ db }) => {
    // The import history and the audit log name the command line as `cli` (the label it has always had).
    const ctx = systemContext('cli', values.municipality ?? config.DEFAULT_MUNICIPALITY);
    const report = await importOpenData({ db }, ctx, {
      bytes,
      fileName: basename(file),
      dryRun: Boolean(values['dry-run']),
      municipalityOverride: values.municipality,
      overwriteEditorEdits: Boolean(values['overwrite-editor-edits']),
      progress: (rows) => err(`… ${rows} 行 / rows`),
    });
    emit(report);
    const clean = report.errors.length === 0 && report.rejected === 0;
    return report.committed || (report.dryRun && clean) ? 0 : 1;
  });
}

async function runExport(args: string[], config: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      dataset: { type: 'string' },
      municipality: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = ExportFormat.safeParse(values.format);
  const dataset = ExportDataset.optional().safeParse(values.dataset);
  if (!format.success || !dataset.success || !values.out) {
    err(`使い方 / usage: ${EXPORT_USAGE}`);
    return 2;
  }
  const municipalityCode = values.municipality ?? config.DEFAULT_MUNICIPALITY;
  const target = values.out;
  return withDatabase(config, async ({ db }) => {
    // A CSV export to a directory writes both standard lists; to a file, the one --dataset names.
    const toDirectory = format.data.startsWith('csv') && (target.endsWith('/') || isDirectory(target));
    const datasets = toDirectory ? (['medical', 'care'] as const) : [dataset.data];
    if (toDirectory) await mkdir(target, { recursive: true });
    for (const which of datasets) {
      try {
        const file = await exportOpenData({ db }, systemContext('zaitaku export', municipalityCode), {
          format: format.data,
          municipalityCode,
          dataset: which,
        });
        const path = toDirectory ? join(target, file.fileName) : target;
        await pipeline(file.stream, createWriteStream(path));
        err(`書き出しました / written: ${path}`);
        out(path);
      } catch (error) {
        if (isAppError(error) && error.code === 'not_found') {
          err(`自治体 ${municipalityCode} はこの環境にありません / municipality not found`);
          return 1;
        }
        throw error;
      }
    }
    return 0;
  });
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

export const opendataCommands: CliCommand[] = [
  {
    name: 'import',
    summary: '施設一覧（CSV・xlsx）を取り込む / import a facility list',
    usage: IMPORT_USAGE,
    run: runImport,
  },
  {
    name: 'export',
    summary: '施設一覧をオープンデータとして書き出す / export open data',
    usage: EXPORT_USAGE,
    run: runExport,
  },
];
