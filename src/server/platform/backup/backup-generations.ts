import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestContext } from '../context';
import type { ModuleDeps } from '../module';
import { anchorPathFor, type BackupSummary, createBackup } from './backup.service';
import type { BackupKey } from './backup-crypto';

/**
 * Backups into a directory, one file per generation (MHLW guideline 6.0: several generations,
 * the older ones protected from change). Names sort by time, so the newest is the last.
 */
const GENERATION = /^zaitaku-backup-\d{8}T\d{6}(\d{3})?Z\.jsonl\.gz\.enc$/;

/** The fewest generations `--keep` may leave: one bad backup must not be the only one. */
export const MIN_GENERATIONS = 3;

export type GenerationSummary = BackupSummary & { kept: string[]; removed: string[] };

export function listGenerations(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => GENERATION.test(name))
    .sort();
}

function generationName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `zaitaku-backup-${stamp}.jsonl.gz.enc`;
}

/**
 * Writes a new encrypted generation into `dir`, makes every older one read-only (0400) and, with
 * `keep`, removes the generations beyond the newest `keep` (never fewer than MIN_GENERATIONS).
 */
export async function createBackupGeneration(
  deps: Pick<ModuleDeps, 'db' | 'engine'>,
  ctx: RequestContext,
  input: { dir: string; key: BackupKey; keep?: number; now?: Date },
): Promise<GenerationSummary> {
  const { dir } = input;
  if (input.keep !== undefined && input.keep < MIN_GENERATIONS) {
    throw new Error(`keep must be at least ${MIN_GENERATIONS}`);
  }
  let name = generationName(input.now ?? new Date());
  // Two backups in the same millisecond: the second waits its turn rather than overwrite.
  while (existsSync(join(dir, name))) name = generationName(new Date(Date.now() + 1));
  const summary = await createBackup(deps, ctx, { path: join(dir, name), key: input.key });
  const all = listGenerations(dir);
  for (const older of all.filter((n) => n !== name)) {
    chmodSync(join(dir, older), 0o400);
    if (existsSync(anchorPathFor(join(dir, older)))) chmodSync(anchorPathFor(join(dir, older)), 0o400);
  }
  const removed = input.keep === undefined ? [] : all.slice(0, Math.max(0, all.length - input.keep));
  for (const old of removed) {
    rmSync(join(dir, old), { force: true });
    rmSync(anchorPathFor(join(dir, old)), { force: true });
  }
  return { ...summary, kept: all.filter((n) => !removed.includes(n)), removed };
}
