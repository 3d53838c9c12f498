import { Worker } from 'node:worker_threads';
import { type ReadEvent, type ReadOptions, readOpenData } from './open-data-reader';
import type { FromReadWorker, ReadWorkerInput, ToReadWorker } from './read-worker';
import type { MunicipalityInfo } from './row-resolution';

/** Files from this size are read on a worker thread (a ward's own list of ~700 rows is ~200 KB). */
export const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

const READ_WORKER = new URL('./read-worker.mjs', import.meta.url);

/**
 * readOpenData on a worker thread of its own, so that reading and normalising the next rows runs
 * on the second core while the main thread plans and writes the previous ones. Same events, same
 * order. The worker runs at most a few chunks ahead (it waits for the main thread to take them),
 * so a large file is never held twice over in memory as events. The thread is stopped when the
 * reader ends, however it ends: a file pays for starting one (about a quarter of a second).
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
  const worker = new Worker(READ_WORKER, {
    workerData: input,
    transferList: [input.bytes.buffer as ArrayBuffer],
  });
  const queue: FromReadWorker[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: FromReadWorker) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error: Error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code: number) => {
    failure ??= new Error(`open-data reading worker stopped (exit ${code})`);
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('done' in message) return;
      worker.postMessage('more' satisfies ToReadWorker);
      yield* message.events;
    }
  } finally {
    await worker.terminate();
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
