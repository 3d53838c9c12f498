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
      if (holder && holder.host === hostname() && holder.pid !== process.pid && holdsLock(holder)) {
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

type Holder = { pid: number; host: string; since?: Date };

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
      pid?: unknown;
      host?: unknown;
      since?: unknown;
    };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      const since = typeof parsed.since === 'string' ? new Date(parsed.since) : undefined;
      return {
        pid: parsed.pid,
        host: parsed.host,
        since: since && !Number.isNaN(since.getTime()) ? since : undefined,
      };
    }
  } catch {
    // An unreadable lock is treated as stale: it was being written when the process died.
  }
  return undefined;
}

/**
 * Whether the lock's pid is still the server that wrote it. `kill(pid, 0)` alone is not enough:
 * a killed server whose parent has not reaped it lingers as a zombie and still answers, and after
 * a crash the pid may have been given to an unrelated process. On Linux /proc tells them apart:
 * a zombie (state Z or X), a process that is not node or zaitaku, or one started after the lock
 * was written holds nothing. Elsewhere only `kill(pid, 0)` is asked.
 */
function holdsLock(holder: Holder): boolean {
  if (!isAlive(holder.pid)) return false;
  const proc = readProc(holder.pid);
  if (!proc) return true;
  if (proc.state === 'Z' || proc.state === 'X') return false;
  if (!/node|zaitaku/i.test(proc.cmdline)) return false;
  // The lock is written after the process starts; a start clearly later is a reused pid. /proc
  // times are coarse (boot time in whole seconds, NTP may move it), hence the margin.
  if (holder.since && proc.startedAt && proc.startedAt.getTime() > holder.since.getTime() + START_MARGIN_MS)
    return false;
  return true;
}

const START_MARGIN_MS = 2_000;
// USER_HZ: /proc reports times in 1/100 s on every Linux architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

function readProc(pid: number): { state: string; cmdline: string; startedAt?: Date } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself contain spaces and ')': fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0] ?? '';
    const startTicks = Number(fields[19]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    const startedAt =
      btime && Number.isFinite(startTicks)
        ? new Date(Number(btime) * 1000 + (startTicks / CLOCK_TICKS_PER_SECOND) * 1000)
        : undefined;
    return { state, cmdline, startedAt };
  } catch {
    // No /proc (not Linux) or the process just went away: kill(pid, 0) has the last word.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
