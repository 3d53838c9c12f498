import { parentPort, workerData } from 'node:worker_threads';
import { type ReadEvent, readOpenData } from './open-data-reader';
import type { MunicipalityInfo } from './row-resolution';

/** The file the worker reads (see read-in-worker.ts), as its workerData; the bytes are transferred, not copied. */
export type ReadWorkerInput = {
  bytes: Uint8Array;
  fileName: string;
  municipalityOverride?: string;
  known: Array<[string, MunicipalityInfo]>;
};

/** From the main thread: 'more' each time it has taken a chunk. */
export type ToReadWorker = 'more';
/** To the main thread: a chunk of events, then done once the file is read. */
export type FromReadWorker = { events: ReadEvent[] } | { done: true };

/** Events go to the main thread in chunks; at most this many chunks wait there unread. */
export const CHUNK_EVENTS = 100;
export const CHUNKS_AHEAD = 64;

const port = parentPort;
if (!port) throw new Error('read-worker runs as a worker thread');

let credit = CHUNKS_AHEAD;
let wake: (() => void) | undefined;
port.on('message', (message: ToReadWorker) => {
  if (message === 'more') credit++;
  wake?.();
  wake = undefined;
});

async function send(events: ReadEvent[]): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port?.postMessage({ events } satisfies FromReadWorker);
}

const input = workerData as ReadWorkerInput;
const known = new Map(input.known);
let chunk: ReadEvent[] = [];
for await (const event of readOpenData(input.bytes, {
  fileName: input.fileName,
  municipalityOverride: input.municipalityOverride,
  knownMunicipality: (code) => known.get(code),
})) {
  // The engine adds a municipality it lacks from the first row naming it (import-batch.ts); later
  // rows then complete their addresses from it. Keep the same knowledge here.
  if (event.type === 'row' && !known.has(event.row.municipalityCode)) {
    const { name, prefecture } = event.row.municipalityFromFile;
    if (name && prefecture) known.set(event.row.municipalityCode, { name, prefecture });
  }
  chunk.push(event);
  if (chunk.length >= CHUNK_EVENTS) {
    await send(chunk);
    chunk = [];
  }
}
await send(chunk);
port.postMessage({ done: true } satisfies FromReadWorker);
