import { useSyncExternalStore } from 'react';

/** Side by side, five columns still fit an A4 landscape sheet and a laptop screen. */
export const COMPARE_MAX = 5;

const STORAGE_KEY = 'zaitaku.directory.compare';
const listeners = new Set<() => void>();
let cache: { raw: string | null; ids: readonly string[] } = { raw: null, ids: [] };

/** The chosen ids, kept for the tab (sessionStorage) so they survive opening a facility and coming back. */
export function readSelection(): readonly string[] {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the choice lives as long as the page.
    raw = cache.raw;
  }
  if (raw === cache.raw) return cache.ids;
  cache = { raw, ids: parseIds(raw) };
  return cache.ids;
}

function parseIds(raw: string | null): readonly string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value)
      ? [...new Set(value.filter((v): v is string => typeof v === 'string'))].slice(0, COMPARE_MAX)
      : [];
  } catch {
    return [];
  }
}

function write(ids: readonly string[]): void {
  const raw = JSON.stringify(ids);
  try {
    window.sessionStorage.setItem(STORAGE_KEY, raw);
  } catch {
    // Not kept beyond this page.
  }
  cache = { raw, ids };
  for (const notify of listeners) notify();
}

/** Adds or removes one facility; adding a sixth is refused (returns false) rather than dropping one. */
export function toggleSelection(ids: readonly string[], id: string, on: boolean): readonly string[] | null {
  if (!on) return ids.filter((other) => other !== id);
  if (ids.includes(id)) return ids;
  if (ids.length >= COMPARE_MAX) return null;
  return [...ids, id];
}

export function useCompareSelection() {
  const ids = useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    readSelection,
    () => cache.ids,
  );
  return {
    ids,
    full: ids.length >= COMPARE_MAX,
    set: (id: string, on: boolean) => {
      const next = toggleSelection(ids, id, on);
      if (next) write(next);
    },
    clear: () => write([]),
  };
}

/** The comparison's own URL: shareable and printable without the tab's storage. */
export function compareHref(ids: readonly string[]): string {
  return `/compare?ids=${ids.map(encodeURIComponent).join(',')}`;
}

export function idsFromParam(value: string | null): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ].slice(0, COMPARE_MAX);
}
