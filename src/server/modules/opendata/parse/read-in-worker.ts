import { Worker } from 'node:worker_threads';
import { type ReadEvent, type ReadOptions, readOpenData } from './open-data-reader';
import type { FromReadWorker, ReadWorkerInput, ToReadWorker } from './read-worker';
import type { MunicipalityInfo } from './row-resolution';

/** Files from this size are read on a worker thread (a ward's own list of ~700 rows is ~200 KB). */
export const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** How long a reading worker waits, loaded, for the next large file before it is stopped. */
export const IDLE_WORKER_MS = 5 * 60_000;

/**
 * The one reading worker kept between imports. Starting a thread and loading the reader into it
 * takes about a quarter of a second, some 7% of a 50,000-row import and more of a re-import; an
 * admin's dry run and the commit after it, or the CLI's imports in a row, read on the same thread.
 * It is unref'd while it waits, so it never keeps a process alive, and it is stopped after
 * IDLE_WORKER_MS. A worker left in the middle of a file, or one that failed, is never kept.
 */
const READ_WORKER = new URL('./read-worker.mjs', import.meta.url);
let idle: { worker: Worker; timer: NodeJS.Timeout; onExit: () => void } | undefined;

function takeWorker(): Worker {
  if (idle) {
    const { worker, timer, onExit } = idle;
    idle = undefined;
    clearTimeout(timer);
    worker.off('exit', onExit);
    worker.ref();
    return worker;
  }
  return new Worker(READ_WORKER);
}

function keepWorker(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  const onExit = () => {
    if (idle?.worker === worker) {
      clearTimeout(idle.timer);
      idle = undefined;
    }
  };
  const timer = setTimeout(() => void worker.terminate(), IDLE_WORKER_MS);
  timer.unref();
  worker.unref();
  worker.once('exit', onExit);
  idle = { worker, timer, onExit };
}

/**
 * Starts a reading worker ahead of a large file, unless one waits already: the CLI calls it before
 * opening the database and the admin page when an upload's declared size says a worker will read
 * it, so the thread loads while the database opens or the body arrives.
 */
export function startReadingWorker(): void {
  if (!idle) keepWorker(new Worker(READ_WORKER));
}

/** The thread id of the reading worker waiting for a file, if one is (for tests). */
export function idleReadingWorker(): number | undefined {
  return idle?.worker.threadId;
}

/** Stops the waiting reading worker, if any (tests: it is unref'd, so no process waits for it). */
export async function stopIdleReadingWorker(): Promise<void> {
  const worker = idle?.worker;
  if (!worker) return;
  await worker.terminate();
}

/**
 * readOpenData on a worker thread, so that reading and normalising the next rows runs on the
 * second core while the main thread plans and writes the previous ones. Same events, same order.
 * The worker runs at most a few chunks ahead (it waits for the main thread to take them), so a
 * large file is never held twice over in memory as events.
 */
export async function* readOpenDataInWorker(
  bytes: Uint8Array,
  options: Omit<ReadOptions, 'knownMunicipality'>,
  known: ReadonlyMap<string, MunicipalityInfo>,
): AsyncGenerator<ReadEvent> {
  const input: ReadWorkerInput = {
    bytes: new Uint8Array(bytes),
    fileName: options.fileName,
    municipalityOverride: options.municipalityOverride,
    known: [...known],
  };
  const worker = takeWorker();
  const queue: FromReadWorker[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const onMessage = (message: FromReadWorker) => {
    queue.push(message);
    notify();
  };
  const onError = (error: Error) => {
    failure = error;
    notify();
  };
  const onExit = (code: number) => {
    failure ??= new Error(`open-data reading worker stopped (exit ${code})`);
    notify();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  let finished = false;
  try {
    worker.postMessage({ read: input } satisfies ToReadWorker, [input.bytes.buffer as ArrayBuffer]);
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('done' in message) {
        finished = true;
        return;
      }
      worker.postMessage('more' satisfies ToReadWorker);
      yield* message.events;
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (finished && !failure) keepWorker(worker);
    else await worker.terminate();
  }
}

/** The reader for this file: on a worker thread when it is large, in this thread otherwise. */
export function readOpenDataFor(
  bytes: Uint8Array,
  options: ReadOptions & { worker?: boolean },
  known: ReadonlyMap<string, MunicipalityInfo>,
): AsyncGenerator<ReadEvent> {
  const useWorker = options.worker ?? bytes.byteLength >= WORKER_THRESHOLD_BYTES;
  return useWorker ? readOpenDataInWorker(bytes, options, known) : readOpenData(bytes, options);
}
