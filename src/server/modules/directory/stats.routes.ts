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
import { getFacilityViewStats, getTopSearches, getViewStats, getZeroResultStats } from './stats.service';
import { exportStats } from './stats-export';

const tags = ['directory (statistics)'];
const config = { access: ['ward_admin'] as const };

/** The ward's dashboard: views per month and fiscal year, per facility, searches, unmet demand. */
export async function registerStatsRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/directory/stats/views',
    { schema: { tags, querystring: StatsViewsQuery, response: { 200: StatsViewsResponse } }, config },
    async (request) => getViewStats(deps, request.ctx, request.query),
  );

  app.get(
    '/api/directory/stats/facilities',
    { schema: { tags, querystring: StatsTopQuery, response: { 200: StatsFacilitiesResponse } }, config },
    async (request) => getFacilityViewStats(deps, request.ctx, request.query),
  );

  app.get(
    '/api/directory/stats/searches',
    { schema: { tags, querystring: StatsTopQuery, response: { 200: StatsSearchesResponse } }, config },
    async (request) => getTopSearches(deps, request.ctx, request.query),
  );

  app.get(
    '/api/directory/stats/zero-results',
    { schema: { tags, querystring: StatsRangeQuery, response: { 200: StatsZeroResultsResponse } }, config },
    async (request) => getZeroResultStats(deps, request.ctx, request.query),
  );

  app.get(
    '/api/directory/stats/export',
    { schema: { tags, querystring: StatsExportQuery }, config },
    async (request, reply) => {
      const file = await exportStats(deps, request.ctx, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
