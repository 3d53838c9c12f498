import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline as pipelineCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../errors';
import { type BackupKey, backupFileKind, DecryptStream, EncryptStream } from './backup-crypto';

/**
 * The backup file (docs/decisions/004-backup-format.md): gzip'd JSON lines, engine-neutral.
 *
 *   {"format":"zaitaku-backup","version":1,…header…}
 *   {"table":"municipalities","columns":[{"name":"code","type":"character(6)"},…],"rows":2}
 *   ["131105","目黒区",…]                 one line per row, every value in PostgreSQL text form
 *   …
 *   {"sequences":[{"name":"audit_log_id_seq","lastValue":"42","isCalled":true}]}
 *   {"end":true,"tables":7,"rows":123}
 *
 * Values travel as PostgreSQL's own text output (or null), so every type (jsonb, arrays, point,
 * bytea, timestamptz) comes back exactly through the type's input function on either engine.
 * With an operator key the gzip'd bytes are then encrypted in authenticated frames
 * (backup-crypto.ts); the CLI writes only such files.
 */
export const BACKUP_FORMAT = 'zaitaku-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  /** Migrations applied to the source, in order: the restore rebuilds exactly this schema. */
  migrations: string[];
  /** Tables in the order they appear (parents before children). */
  tables: string[];
};

export type BackupColumn = { name: string; type: string };
export type TableSection = { table: string; columns: BackupColumn[]; rows: number };
export type SequenceState = { name: string; lastValue: string; isCalled: boolean };
export type BackupRow = Array<string | null>;

export type BackupLine =
  | { kind: 'table'; section: TableSection }
  | { kind: 'row'; row: BackupRow }
  | { kind: 'sequences'; sequences: SequenceState[] }
  | { kind: 'end'; tables: number; rows: number };

/** Writes one backup file; lines are gzip'd as they come, so a large table never sits in memory. */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;

  constructor(path: string, key?: BackupKey) {
    // 0600 while being written; the caller makes the finished file read-only.
    const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    this.done = key ? pipeline(this.gzip, new EncryptStream(key), file) : pipeline(this.gzip, file);
  }

  async write(value: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(value)}\n`)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
  }
}

const invalid = (path: string, line: number, problem: string) =>
  new AppError('backup.invalid_file', {
    file: path,
    line,
    hint: `${path}: ${line} 行目 / line ${line}: ${problem}`,
  });

/** How a restore may open a file: with the operator's key, and whether an unencrypted file is accepted. */
export type BackupAccess = { key?: BackupKey; allowUnencrypted?: boolean };

/** Reads and checks the first line of a backup. */
export async function readBackupHeader(path: string, access: BackupAccess = {}): Promise<BackupHeader> {
  for await (const { header } of readBackup(path, access)) return header;
  throw invalid(path, 1, 'empty file');
}

/**
 * The file's gzip'd JSON lines as a stream: decrypted (each frame checked before its bytes are
 * passed on) when encrypted. Throws backup.key_required, backup.unencrypted, backup.invalid_file.
 */
function openBackupStream(path: string, access: BackupAccess): Readable {
  const kind = backupFileKind(path);
  if (kind === 'unknown') throw invalid(path, 1, 'not a Zaitaku backup');
  if (kind === 'plain' && !access.allowUnencrypted) {
    throw new AppError('backup.unencrypted', { file: path, hint: `${path}: --allow-unencrypted` });
  }
  if (kind === 'encrypted' && !access.key) throw new AppError('backup.key_required', { file: path });
  const gunzip = createGunzip();
  // pipeline destroys every stage with the first error, so the reader of gunzip sees it.
  const ignore = () => undefined;
  if (kind === 'encrypted') {
    pipelineCallback(createReadStream(path), new DecryptStream(access.key!, path), gunzip, ignore);
  } else {
    pipelineCallback(createReadStream(path), gunzip, ignore);
  }
  return gunzip;
}

/**
 * Reads a backup line by line after checking its header. The last line must be the end marker,
 * so a file cut short by a full disk is refused instead of being restored in part.
 */
export async function* readBackup(
  path: string,
  access: BackupAccess = {},
): AsyncGenerator<{ header: BackupHeader; line: BackupLine; lineNumber: number }> {
  const input = openBackupStream(path, access);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: BackupHeader | undefined;
  let lineNumber = 0;
  let ended = false;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (ended) throw invalid(path, lineNumber, 'data after the end marker');
      const parsed = parseJson(path, lineNumber, text);
      if (!header) {
        header = checkHeader(path, parsed);
        continue;
      }
      const line = classify(path, lineNumber, parsed);
      if (line.kind === 'end') ended = true;
      yield { header, line, lineNumber };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(path, lineNumber + 1, (error as Error).message);
  } finally {
    input.destroy();
  }
  if (!header) throw invalid(path, 1, 'empty file');
  if (!ended) throw invalid(path, lineNumber, 'the file ends before its end marker (truncated)');
}

function parseJson(path: string, lineNumber: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(path, lineNumber, 'not JSON');
  }
}

function checkHeader(path: string, value: unknown): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  if (h?.format !== BACKUP_FORMAT) throw invalid(path, 1, 'not a Zaitaku backup');
  if (h.version !== BACKUP_VERSION) throw invalid(path, 1, `unsupported format version ${String(h.version)}`);
  if (!Array.isArray(h.migrations) || !Array.isArray(h.tables) || typeof h.createdAt !== 'string') {
    throw invalid(path, 1, 'incomplete header');
  }
  return h as BackupHeader;
}

function classify(path: string, lineNumber: number, value: unknown): BackupLine {
  if (Array.isArray(value)) {
    if (!value.every((v) => v === null || typeof v === 'string')) throw invalid(path, lineNumber, 'bad row');
    return { kind: 'row', row: value as BackupRow };
  }
  const v = value as Record<string, unknown> | null;
  if (v && typeof v.table === 'string' && Array.isArray(v.columns) && typeof v.rows === 'number') {
    return { kind: 'table', section: v as unknown as TableSection };
  }
  if (v && Array.isArray(v.sequences))
    return { kind: 'sequences', sequences: v.sequences as SequenceState[] };
  if (v && v.end === true && typeof v.rows === 'number' && typeof v.tables === 'number') {
    return { kind: 'end', tables: v.tables, rows: v.rows };
  }
  throw invalid(path, lineNumber, 'unknown line');
}
