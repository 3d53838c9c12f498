import { sql } from 'kysely';
import type { Geography } from '../src/server/demo/directory/meguro-geography';
import type { BenchServer } from './scenario';
import { median, percentile, round1 } from './stats';

/** One labelled public search: the kinds of question issue 3 names (keywords of 0–2+ characters, filters, distance). */
export type SearchCase = { label: string; path: string };

/** The issue-3 search mix for one municipality, using its first district and a town centre as `near`. */
export function searchMix(geo: Geography, radiusM = 2000): SearchCase[] {
  const district = geo.districts[0]?.code ?? '';
  const town = geo.towns[Math.floor(geo.towns.length / 2)] ?? geo.towns[0];
  const near = town ? `${town.center.lat.toFixed(5)},${town.center.lng.toFixed(5)}` : '';
  const base = `/api/public/facilities?municipality=${geo.municipalityCode}`;
  const q = (text: string) => `&q=${encodeURIComponent(text)}`;
  return [
    { label: 'empty', path: base },
    { label: '1 char 科', path: `${base}${q('科')}` },
    { label: '2 chars 歯科', path: `${base}${q('歯科')}` },
    { label: '2 chars 眼科', path: `${base}${q('眼科')}` },
    { label: 'long keyword', path: `${base}${q('訪問看護ステーション')}` },
    { label: 'two keywords', path: `${base}${q('内科 クリニック')}` },
    { label: 'capabilities', path: `${base}&capability=home_visit&capability=end_of_life` },
    { label: 'type + accepting', path: `${base}&type=visiting_nurse_station&accepting=true` },
    { label: 'district', path: `${base}&district=${district}` },
    // Open at a weekday morning: the hours are arrays on the facility row, read without an index.
    { label: 'open Tue 10:00', path: `${base}&openAt=${encodeURIComponent('2026-11-24T10:00:00+09:00')}` },
    {
      label: `near ${radiusM} m by distance`,
      path: `${base}&near=${near}&radiusM=${radiusM}&sort=distance`,
    },
    { label: 'near + 歯科', path: `${base}${q('歯科')}&near=${near}&radiusM=${radiusM}&sort=distance` },
  ];
}

/** Checks every case answers 200 before any load is measured (a 400 would make fast, empty figures). */
export async function checkCases(server: BenchServer, cases: SearchCase[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const c of cases) {
    const response = await fetch(`${server.url}${c.path}`);
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`${c.label}: ${c.path} answered ${response.status}: ${text}`);
    const body = JSON.parse(text) as { total?: number; items?: unknown[] };
    totals[c.label] = body.total ?? body.items?.length ?? 0;
  }
  return totals;
}

/**
 * Each case once per round, one request at a time, with the search cache emptied before every
 * request (the directory generation advanced): what a query nobody asked in the last minute costs.
 */
export async function uncachedLatencies(server: BenchServer, cases: SearchCase[], rounds: number) {
  const byCase = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  const all: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      await sql`select nextval('directory_generation')`.execute(server.database.db);
      const t0 = performance.now();
      const response = await fetch(`${server.url}${c.path}`);
      await response.arrayBuffer();
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`${c.label} answered ${response.status}`);
      byCase.get(c.label)?.push(ms);
      all.push(ms);
    }
  }
  const perCaseMedianMs = Object.fromEntries(
    [...byCase].map(([label, values]) => [label, round1(median(values))]),
  );
  return {
    requests: all.length,
    p50Ms: round1(percentile(all, 50)),
    p95Ms: round1(percentile(all, 95)),
    maxMs: round1(Math.max(...all)),
    perCaseMedianMs,
  };
}
