import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DataListQuery, DataListResponse } from '../../../contracts/council';
import { REIWA_OFFSET } from '../../../contracts/figures';
import type { ModuleDeps } from '../../platform/module';
import { exportDataListCsv, getDataList } from './data-list.service';

const tags = ['council'];
/**
 * The ward runs the council and produces its data list (MISSION.md); the list holds the discharge
 * figures, which are the ward's alone (docs/decisions/031 and 033).
 */
const ward = { access: ['ward_admin'] as const };

/** The council's data list: JSON for the page, CSV for Excel. */
export async function registerDataListRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/council/data-list',
    { schema: { tags, querystring: DataListQuery, response: { 200: DataListResponse } }, config: ward },
    async (request) => getDataList(deps, request.ctx, request.query),
  );

  app.get(
    '/api/council/data-list/export.csv',
    { schema: { tags, querystring: DataListQuery }, config: ward },
    async (request, reply) => {
      const { csv, list } = await exportDataListCsv(deps, request.ctx, request.query);
      const name = `council-data-list-FY${list.current.fiscalYear + REIWA_OFFSET}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
