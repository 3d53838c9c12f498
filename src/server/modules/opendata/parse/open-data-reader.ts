import {
  type ImportRowError,
  layoutLabels,
  type OpenDataLayout,
  type SourceEncoding,
} from '../../../../contracts/opendata';
import { openDataErrors } from '../../../../contracts/opendata-errors';
import { type HeaderMatch, isHeaderProblem, matchHeader } from './header-matching';
import { csvRecords, SourceError, type SourceRecord, type SourceSheet, xlsxSheets } from './record-sources';
import { isBlankRecord, readRow, rowError } from './row-reading';
import { otherMunicipalityOf, type ResolveContext, type ResolvedRow, resolveRow } from './row-resolution';
import { detectFileKind } from './text-decoding';

export type ReadOptions = Omit<ResolveContext, 'layout'>;

/** What reading a file produces, in order. The engine turns rows into writes and counts the rest. */
export type ReadEvent =
  | { type: 'sheet'; name: string; layout: OpenDataLayout | null }
  | { type: 'row'; sheet: string; row: ResolvedRow }
  | { type: 'rejected'; sheet: string; line: number; errors: ImportRowError[]; raw: Record<string, string> }
  | { type: 'skipped'; sheet: string; line: number; municipalityCode: string }
  | { type: 'file_error'; error: ImportRowError };

export type FileInfo = { encoding: SourceEncoding | null };

const HEADER_LOOKAHEAD = 10;

/** Tells how the file will be read, before reading it. */
export function inspectFile(bytes: Uint8Array): FileInfo {
  if (bytes.length === 0) return { encoding: null };
  const kind = detectFileKind(bytes);
  if (kind.kind === 'xls') return { encoding: null };
  return { encoding: kind.kind === 'xlsx' ? 'xlsx' : kind.encoding };
}

/**
 * Reads a facility list of any supported layout and encoding and yields its rows, normalised and
 * resolved, or the problems found. Never throws for bad input: a fault becomes an event.
 */
export async function* readOpenData(bytes: Uint8Array, options: ReadOptions): AsyncGenerator<ReadEvent> {
  if (bytes.length === 0) {
    yield fileError('opendata.empty_file', 0);
    return;
  }
  const kind = detectFileKind(bytes);
  if (kind.kind === 'xls') {
    yield fileError('opendata.legacy_xls', 0);
    return;
  }
  try {
    if (kind.kind === 'xlsx') {
      yield* readWorkbook(await xlsxSheets(bytes), options);
    } else {
      const problem = yield* readSheet({ name: '', records: csvRecords(bytes, kind.encoding) }, options);
      if (problem) yield { type: 'file_error', error: problem };
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    yield fileError(error.code, error.line);
  }
}

async function* readWorkbook(sheets: SourceSheet[], options: ReadOptions): AsyncGenerator<ReadEvent> {
  // A workbook may hold an explanation sheet beside the lists: only a workbook with no list fails.
  let recognised = 0;
  let firstProblem: ImportRowError | undefined;
  for (const sheet of sheets) {
    const problem = yield* readSheet(sheet, options);
    if (problem) firstProblem ??= { ...problem, sheet: sheet.name };
    else recognised++;
  }
  if (recognised === 0)
    yield { type: 'file_error', error: firstProblem ?? fileError('opendata.empty_file', 0).error };
}

/** Reads one sheet; returns the header problem instead of yielding it, so a workbook can skip the sheet. */
async function* readSheet(
  sheet: SourceSheet,
  options: ReadOptions,
): AsyncGenerator<ReadEvent, ImportRowError | undefined> {
  const iterator = sheet.records[Symbol.asyncIterator]();
  const head: SourceRecord[] = [];
  while (head.length < HEADER_LOOKAHEAD) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  if (head.every((r) => isBlankRecord(r.cells))) return fileError('opendata.empty_file', 0).error;
  const match = matchHeader(head.map((r) => r.cells));
  if (isHeaderProblem(match)) {
    await iterator.return?.();
    return headerProblemError(match, head);
  }
  yield { type: 'sheet', name: sheet.name, layout: match.layout };
  const context: ResolveContext = { ...options, layout: match.layout };
  const seen = new Map<string, number>();
  const rest = head.slice(match.headerIndex + 1);
  for (const record of rest) yield* readRecord(record, match, context, seen, sheet.name);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    yield* readRecord(next.value, match, context, seen, sheet.name);
  }
  return undefined;
}

function* readRecord(
  record: SourceRecord,
  match: HeaderMatch,
  context: ResolveContext,
  seen: Map<string, number>,
  sheet: string,
): Generator<ReadEvent> {
  if (isBlankRecord(record.cells)) return;
  const read = readRow(match, record.cells, record.line);
  const other = otherMunicipalityOf(read, context);
  if (other) {
    yield { type: 'skipped', sheet, line: record.line, municipalityCode: other };
    return;
  }
  const resolved = resolveRow(read, context);
  if (resolved) {
    const key = `${resolved.municipalityCode}|${resolved.matchKey}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, record.line);
      yield { type: 'row', sheet, row: resolved };
      return;
    }
    read.errors.push(rowError(record.line, null, 'row.duplicate_key', `${resolved.matchKey}, ${first}行目`));
  }
  yield { type: 'rejected', sheet, line: record.line, errors: withSheet(read.errors, sheet), raw: read.raw };
}

function withSheet(errors: ImportRowError[], sheet: string): ImportRowError[] {
  return sheet ? errors.map((e) => ({ ...e, sheet })) : errors;
}

function headerProblemError(
  problem: Exclude<ReturnType<typeof matchHeader>, HeaderMatch>,
  head: SourceRecord[],
) {
  switch (problem.kind) {
    case 'not_facility_list':
      return fileError('opendata.not_facility_list', head[0]?.line ?? 1).error;
    case 'unknown_layout': {
      const line = head[problem.headerIndex]?.line ?? 1;
      const known = Object.values(layoutLabels)
        .map((l) => l.ja)
        .join('、');
      return fileError('opendata.unknown_layout', line, `（読める様式: ${known}）`).error;
    }
    case 'missing_column': {
      const line = head[problem.headerIndex]?.line ?? 1;
      const names = problem.columns.map((c) => `「${c}」`).join('');
      return {
        line,
        column: problem.columns[0] ?? null,
        code: 'opendata.missing_column',
        message: `${layoutLabels[problem.layout].ja}の見出し行に${names}の列がありません。列を追加してください。 / Missing column(s) ${problem.columns.join(', ')} in the header row.`,
      };
    }
  }
}

type FileErrorCode = keyof typeof openDataErrors;

function fileError(
  code: FileErrorCode,
  line: number,
  extra = '',
): { type: 'file_error'; error: ImportRowError } {
  const entry = openDataErrors[code];
  return {
    type: 'file_error',
    error: { line, column: null, code, message: `${entry.ja}${extra} / ${entry.en}` },
  };
}

export type CollectedFile = {
  encoding: SourceEncoding | null;
  layout: OpenDataLayout | null;
  rows: ResolvedRow[];
  rejected: number;
  /** Rows of other municipalities than the one given. */
  skipped: number;
  errors: ImportRowError[];
};

/** Reads a whole file into memory (tests, fixtures and small files; the engine streams instead). */
export async function collectOpenData(bytes: Uint8Array, options: ReadOptions): Promise<CollectedFile> {
  const result: CollectedFile = {
    ...inspectFile(bytes),
    layout: null,
    rows: [],
    rejected: 0,
    skipped: 0,
    errors: [],
  };
  for await (const event of readOpenData(bytes, options)) {
    if (event.type === 'sheet') result.layout ??= event.layout;
    else if (event.type === 'row') result.rows.push(event.row);
    else if (event.type === 'rejected') {
      result.rejected++;
      result.errors.push(...event.errors);
    } else if (event.type === 'skipped') result.skipped++;
    else result.errors.push(event.error);
  }
  return result;
}
