import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';

/**
 * PGlite is a single process database: a second process on the same data dir would corrupt it.
 * A lock file holding our pid is created exclusively; a lock whose process is gone (a crash) is
 * taken over, so a crashed server never blocks the next start.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'zaitaku.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.host === hostname() && isAlive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError('database.locked', {
          dataDir,
          pid: holder.pid,
          hint: `データディレクトリ ${dataDir} は別のプロセス (pid ${holder.pid}) が使用中です。そのプロセスを停止するか、DATA_DIR に別の場所を指定してください。 / The data directory is in use by pid ${holder.pid}.`,
        });
      }
      if (holder && holder.pid === process.pid) {
        throw new AppError('database.locked', {
          dataDir,
          pid: holder.pid,
          hint: 'already open in this process',
        });
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError('database.locked', { dataDir });
}

function readHolder(path: string): { pid: number; host: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host };
  } catch {
    // An unreadable lock is treated as stale: it was being written when the process died.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
