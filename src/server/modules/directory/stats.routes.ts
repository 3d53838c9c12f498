import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  StatsExportQuery,
  StatsFacilitiesResponse,
  StatsRangeQuery,
  StatsSearchesResponse,
  StatsTopQuery,
  StatsViewsQuery,
  StatsViewsResponse,
  StatsZeroResultsResponse,
} from '../../../contracts/directory';
import type { ModuleDeps } from '../../platform/module';
import { requireActor } from './directory.policy';
import {
  getFacilityViewStats,
  getTopSearches,
  getViewStats,
  getZeroResultStats,
  resolveRange,
} from './stats.service';
import { exportStats } from './stats-export';

const tags = ['directory (statistics)'];
const config = { access: ['ward_admin'] as const };

/** The ward's dashboard: views per month and fiscal year, per facility, searches, unmet demand. */
export async function registerStatsRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const municipality = (actor: Parameters<typeof requireActor>[0]) => requireActor(actor).municipalityCode;

  app.get(
    '/api/directory/stats/views',
    { schema: { tags, querystring: StatsViewsQuery, response: { 200: StatsViewsResponse } }, config },
    async (request) =>
      getViewStats(db, municipality(request.ctx.actor), request.query.period, resolveRange(request.query)),
  );

  app.get(
    '/api/directory/stats/facilities',
    { schema: { tags, querystring: StatsTopQuery, response: { 200: StatsFacilitiesResponse } }, config },
    async (request) =>
      getFacilityViewStats(
        db,
        municipality(request.ctx.actor),
        resolveRange(request.query),
        request.query.limit,
      ),
  );

  app.get(
    '/api/directory/stats/searches',
    { schema: { tags, querystring: StatsTopQuery, response: { 200: StatsSearchesResponse } }, config },
    async (request) =>
      getTopSearches(db, municipality(request.ctx.actor), resolveRange(request.query), request.query.limit),
  );

  app.get(
    '/api/directory/stats/zero-results',
    { schema: { tags, querystring: StatsRangeQuery, response: { 200: StatsZeroResultsResponse } }, config },
    async (request) => getZeroResultStats(db, municipality(request.ctx.actor), resolveRange(request.query)),
  );

  app.get(
    '/api/directory/stats/export',
    { schema: { tags, querystring: StatsExportQuery }, config },
    async (request, reply) => {
      const file = await exportStats(
        db,
        municipality(request.ctx.actor),
        request.query.report,
        request.query.format,
        resolveRange(request.query),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
