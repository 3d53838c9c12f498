import { bulkInsertFacilities } from '../../src/server/demo/directory/bulk-insert';
import { loadMeguroGeography } from '../../src/server/demo/directory/meguro-geography';
import {
  installSyntheticMunicipalities,
  iterateNationalFacilities,
  nationalSizes,
  syntheticGeographies,
} from '../../src/server/demo/directory/national-generator';
import { measureFacilityPage } from '../facility-page';
import type { LoadFigures } from '../load';
import type { BenchContext, BenchScenario, Engine } from '../scenario';
import { checkCases, type SearchCase, searchMix, uncachedLatencies } from '../search-mix';
import { medianFigures } from '../stats';
import { initialSearchPageJs, lighthouseSearchPage } from '../web-page';

const PARTS = ['ward', 'national', 'page', 'facility'] as const;
type Part = (typeof PARTS)[number];

/** BENCH_DIRECTORY=ward,national,page,facility picks parts (all by default); BENCH_NATIONAL_N the national size. */
function chosenParts(): Part[] {
  const raw = process.env.BENCH_DIRECTORY;
  if (!raw) return [...PARTS];
  const parts = raw.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length > 0)
    throw new Error(`BENCH_DIRECTORY: unknown part ${unknown.join(', ')} (have ${PARTS})`);
  return parts as Part[];
}

function nationalSize(): number {
  const n = Number(process.env.BENCH_NATIONAL_N ?? 500_000);
  if (!Number.isInteger(n) || n < 1000 || n > 2_000_000) throw new Error('BENCH_NATIONAL_N: 1000–2000000');
  return n;
}

async function repeat(ctx: BenchContext, label: string, once: () => Promise<LoadFigures>) {
  const runs: LoadFigures[] = [];
  for (let i = 0; i < ctx.settings.runs; i++) {
    const figures = await once();
    ctx.log(`    ${label} run ${i + 1}: ${JSON.stringify(figures)}`);
    runs.push(figures);
  }
  return medianFigures(runs);
}

function mixLoad(ctx: BenchContext, url: string, cases: SearchCase[], connections: number) {
  const { durationSeconds } = ctx.settings;
  return ctx.load({
    url,
    paths: cases.map((c) => c.path),
    connections,
    durationSeconds,
    maxSeconds: durationSeconds + 30,
  });
}

/** Ward scale: the Meguro demo (720 facilities) with the whole search mix. */
async function measureWard(ctx: BenchContext, engine: Engine) {
  const server = await ctx.startServer(engine);
  try {
    const cases = searchMix(loadMeguroGeography());
    const totals = await checkCases(server, cases);
    const fourClients = await repeat(ctx, `${engine} ward 4 clients`, () =>
      mixLoad(ctx, server.url, cases, 4),
    );
    const fiftyClients = await repeat(ctx, `${engine} ward 50 clients`, () =>
      mixLoad(ctx, server.url, cases, 50),
    );
    const uncached = await uncachedLatencies(server, cases, Math.max(3, ctx.settings.runs * 3));
    ctx.log(`    ${engine} ward uncached: ${JSON.stringify(uncached)}`);
    return {
      resultTotals: totals,
      fourClients,
      fiftyClients,
      uncachedOneClient: uncached,
      targets: { p95MsAt4: 20, rpsAt50: engine === 'postgres' ? 1000 : 300 },
    };
  } finally {
    await server.stop();
  }
}

/** National scale: N generated facilities over fictional municipalities; the mix on the largest one. */
async function measureNational(ctx: BenchContext, engine: Engine, total: number) {
  const server = await ctx.startServer(engine, { SEED_DEMO: 'never' });
  try {
    const count = Math.min(1700, Math.max(3, Math.round(total / 300)));
    const geos = syntheticGeographies(count);
    const t0 = Date.now();
    await installSyntheticMunicipalities(server.database.db, geos);
    const municipalitiesSeconds = (Date.now() - t0) / 1000;
    ctx.log(`    ${engine}: ${count} municipalities in ${municipalitiesSeconds.toFixed(1)} s`);
    const t1 = Date.now();
    let next = 50_000;
    const inserted = await bulkInsertFacilities(
      server.database.db,
      iterateNationalFacilities(total, 1, geos),
      {
        rebuildIndexes: true,
        onProgress: (n) => {
          if (n >= next) {
            ctx.log(`    ${engine}: ${n} facilities (${Math.round((Date.now() - t1) / 1000)} s)`);
            next += 50_000;
          }
        },
      },
    );
    const loadSeconds = (Date.now() - t1) / 1000;
    ctx.log(`    ${engine}: ${inserted} facilities loaded with index builds in ${loadSeconds.toFixed(1)} s`);
    const largest = geos[0]!;
    const cases = searchMix(largest);
    const totals = await checkCases(server, cases);
    const uncached = await uncachedLatencies(server, cases, Math.max(3, ctx.settings.runs * 3));
    ctx.log(`    ${engine} national uncached: ${JSON.stringify(uncached)}`);
    const fourClients = await repeat(ctx, `${engine} national 4 clients`, () =>
      mixLoad(ctx, server.url, cases, 4),
    );
    return {
      facilities: inserted,
      municipalities: count,
      searchedMunicipality: { code: largest.municipalityCode, facilities: nationalSizes(total, count)[0] },
      municipalitiesSeconds: Math.round(municipalitiesSeconds * 10) / 10,
      loadSecondsWithIndexBuild: Math.round(loadSeconds * 10) / 10,
      resultTotals: totals,
      uncachedOneClient: uncached,
      fourClientsMostlyCached: fourClients,
      targetP95Ms: engine === 'postgres' ? 100 : 400,
    };
  } finally {
    await server.stop();
  }
}

/** Issue 3: public search latency and throughput at ward and national scale; the search page's weight and Lighthouse score. */
export const scenario: BenchScenario = {
  issue: 3,
  name: 'directory',
  summary:
    'search API p95 / req/s at ward scale (demo) and national scale (BENCH_NATIONAL_N, default 500,000); search page JS gzip and Lighthouse; the facility page API against a search and /healthz',
  async run(ctx) {
    const parts = chosenParts();
    const figures: Record<string, unknown> = {};
    if (parts.includes('ward')) {
      const ward: Record<string, unknown> = {
        note: 'autocannon cycles the mix per connection (repeats hit the search cache, as residents repeating 歯科 do); uncachedOneClient empties the cache before each request',
        mix: searchMix(loadMeguroGeography()).map((c) => c.label),
      };
      for (const engine of ctx.settings.engines) ward[engine] = await measureWard(ctx, engine);
      figures.ward = ward;
    }
    if (parts.includes('national')) {
      const total = nationalSize();
      const national: Record<string, unknown> = { requested: total };
      for (const engine of ctx.settings.engines) {
        try {
          national[engine] = await measureNational(ctx, engine, total);
        } catch (error) {
          ctx.log(`    national on ${engine} failed: ${(error as Error).stack}`);
          national[engine] = { error: (error as Error).message };
        }
      }
      figures.national = national;
    }
    if (parts.includes('facility')) {
      const facility: Record<string, unknown> = {
        note: 'GET /api/public/facilities/:id, a keyword + capability search and /healthz, alternating in one run; ratios to /healthz',
      };
      for (const engine of ctx.settings.engines)
        facility[engine] = await measureFacilityPage(ctx, engine, loadMeguroGeography().municipalityCode);
      figures.facility = facility;
    }
    if (parts.includes('page')) {
      const page: Record<string, unknown> = { javascript: initialSearchPageJs() };
      try {
        page.lighthouse = await lighthouseSearchPage(Math.min(3, ctx.settings.runs), ctx.log);
      } catch (error) {
        page.lighthouse = { error: (error as Error).message };
      }
      figures.page = page;
    }
    return figures;
  },
};
