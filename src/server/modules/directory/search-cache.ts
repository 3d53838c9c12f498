import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { readDirectoryGeneration } from './search.queries';

/**
 * Answers of the public search, kept per "generation" of the directory: a sequence that triggers
 * advance on every statement writing a table the search reads (migration 20261124020000). A read
 * of the sequence (0.3 ms on PGlite) replaces planning and running the search (3–6 ms) for
 * repeated queries — residents ask 歯科 and 内科 again and again. Entries also expire after
 * a minute, which bounds the one race left: a search running while a write is still uncommitted.
 */
const TTL_MS = 60_000;

/**
 * One kind of answer kept this way, with its own bound: facility pages read one by one (a crawler
 * walking every page) must not push out the searches residents repeat.
 */
export type GenerationCache = { name: string; maxEntries: number };
export const searchAnswers: GenerationCache = { name: 'search', maxEntries: 2000 };
/** Facility records of the public page (issue 13 §6: the page read by key was 7× slower than a cached search). */
export const facilityRecords: GenerationCache = { name: 'facility', maxEntries: 5000 };

type Entry = { generation: string; expires: number; value: unknown };
type State = { entries: Map<string, Map<string, Entry>>; disabled: boolean };

const states = new WeakMap<object, State>();

function stateOf(db: Kysely<Database>): State {
  let state = states.get(db);
  if (!state) {
    state = { entries: new Map(), disabled: false };
    states.set(db, state);
  }
  return state;
}

function entriesOf(state: State, cache: GenerationCache): Map<string, Entry> {
  let entries = state.entries.get(cache.name);
  if (!entries) {
    entries = new Map();
    state.entries.set(cache.name, entries);
  }
  return entries;
}

/** The directory's current generation, or undefined when the database has no counter (cache off). */
async function readGeneration(db: Kysely<Database>, state: State): Promise<string | undefined> {
  if (state.disabled) return undefined;
  try {
    return await readDirectoryGeneration(db);
  } catch {
    // A database migrated before the counter existed: search without the cache rather than fail.
    state.disabled = true;
    return undefined;
  }
}

/**
 * Runs `compute` unless an answer for `key` at the current generation is still fresh in `cache`
 * (the search answers by default). The value is shared between callers: never mutate it.
 */
export async function cachedByGeneration<T>(
  db: Kysely<Database>,
  key: string,
  compute: () => Promise<T>,
  options: { cache?: GenerationCache; now?: number } = {},
): Promise<T> {
  const { cache = searchAnswers, now = Date.now() } = options;
  const state = stateOf(db);
  const generation = await readGeneration(db, state);
  if (generation === undefined) return compute();
  const entries = entriesOf(state, cache);
  const hit = entries.get(key);
  if (hit && hit.generation === generation && hit.expires > now) return hit.value as T;
  const value = await compute();
  if (entries.size >= cache.maxEntries) entries.clear();
  entries.set(key, { generation, expires: now + TTL_MS, value });
  return value;
}
