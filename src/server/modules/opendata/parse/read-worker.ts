import { parentPort } from 'node:worker_threads';
import { type ReadEvent, readOpenData } from './open-data-reader';
import type { MunicipalityInfo } from './row-resolution';

/** One file for the worker to read (see read-in-worker.ts); its bytes are transferred, not copied. */
export type ReadWorkerInput = {
  bytes: Uint8Array;
  fileName: string;
  municipalityOverride?: string;
  known: Array<[string, MunicipalityInfo]>;
};

/** From the main thread: a file to read, or 'more' when it has taken a chunk. */
export type ToReadWorker = { read: ReadWorkerInput } | 'more';
/** To the main thread: a chunk of events, then done once the file is read. */
export type FromReadWorker = { events: ReadEvent[] } | { done: true };

/** Events go to the main thread in chunks; at most this many chunks wait there unread. */
export const CHUNK_EVENTS = 100;
export const CHUNKS_AHEAD = 64;

const port = parentPort;
if (!port) throw new Error('read-worker runs as a worker thread');

// The worker reads one file after another: it stays loaded between imports (read-in-worker.ts
// keeps it), so a later import does not pay for starting a thread and loading the reader again.
const files: ReadWorkerInput[] = [];
let credit = 0;
let wake: (() => void) | undefined;
port.on('message', (message: ToReadWorker) => {
  if (message === 'more') credit++;
  else files.push(message.read);
  wake?.();
  wake = undefined;
});

const waitForMessage = () => new Promise<void>((resolve) => (wake = resolve));

async function send(events: ReadEvent[]): Promise<void> {
  while (credit === 0) await waitForMessage();
  credit--;
  port?.postMessage({ events } satisfies FromReadWorker);
}

async function readFile(input: ReadWorkerInput): Promise<void> {
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
  port?.postMessage({ done: true } satisfies FromReadWorker);
}

for (;;) {
  const input = files.shift();
  if (!input) {
    await waitForMessage();
    continue;
  }
  // A 'more' of the last file may arrive after its end; messages keep their order, so every one
  // of them came before this file did, and its credit starts afresh.
  credit = CHUNKS_AHEAD;
  await readFile(input);
}
