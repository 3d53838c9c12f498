import type { LoadFigures } from './load';
import type { BenchContext, BenchServer, Engine } from './scenario';
import { medianFigures } from './stats';

/**
 * Issue 13 §6: one facility's page against a keyword + capability search and /healthz, measured
 * in the same run against the same server, alternating, so the machine's load (shared with other
 * work) moves all three alike; the figures that compare across runs are the ratios to /healthz.
 */
const CONNECTIONS = 50;

const ratio = (rps: number, healthz: number) => Math.round((rps / healthz) * 1000) / 1000;

type Target = { label: 'healthz' | 'search' | 'facility'; path: string };

async function targets(server: BenchServer, municipalityCode: string): Promise<Target[]> {
  const search = `/api/public/facilities?municipality=${municipalityCode}&q=${encodeURIComponent('内科')}&capability=home_visit`;
  const response = await fetch(`${server.url}${search}`);
  const body = (await response.json()) as { total: number; items: Array<{ id: string }> };
  const id = body.items[0]?.id;
  if (!response.ok || !id)
    throw new Error(`facility page bench: the search found nothing (${response.status})`);
  return [
    { label: 'healthz', path: '/healthz' },
    { label: 'search', path: search },
    { label: 'facility', path: `/api/public/facilities/${id}` },
  ];
}

export async function measureFacilityPage(ctx: BenchContext, engine: Engine, municipalityCode: string) {
  // The rate limit would answer most of 50 connections with 429.
  const server = await ctx.startServer(engine, { RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const list = await targets(server, municipalityCode);
    const runs = new Map<Target['label'], LoadFigures[]>(list.map((t) => [t.label, []]));
    for (let i = 0; i < ctx.settings.runs; i++) {
      for (const target of list) {
        const figures = await ctx.load({
          url: `${server.url}${target.path}`,
          connections: CONNECTIONS,
          durationSeconds: ctx.settings.durationSeconds,
          maxSeconds: ctx.settings.durationSeconds + 30,
        });
        ctx.log(`    ${engine} ${target.label} run ${i + 1}: ${JSON.stringify(figures)}`);
        runs.get(target.label)!.push(figures);
      }
    }
    const median = Object.fromEntries([...runs].map(([label, r]) => [label, medianFigures(r)]));
    const healthz = median.healthz!.throughputRps;
    return {
      connections: CONNECTIONS,
      paths: Object.fromEntries(list.map((t) => [t.label, t.path])),
      ...median,
      ratioToHealthz: {
        search: ratio(median.search!.throughputRps, healthz),
        facility: ratio(median.facility!.throughputRps, healthz),
      },
      target: 'facility req/s ≥ search req/s',
      met: median.facility!.throughputRps >= median.search!.throughputRps,
    };
  } finally {
    await server.stop();
  }
}
