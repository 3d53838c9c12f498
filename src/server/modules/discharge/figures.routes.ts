import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FiguresQuery, FiguresResponse } from '../../../contracts/figures';
import type { ModuleDeps } from '../../platform/module';
import { exportFiguresCsv, getFigures } from './figures.service';

const tags = ['discharge'];
/**
 * The ward runs the council and presents these figures (MISSION.md: ward staff produce the yearly
 * results). A 包括 centre sees its district's cases on the case list already; ward-wide aggregates
 * stay with the ward (docs/decisions/031-council-figures.md).
 */
const ward = { access: ['ward_admin'] as const };

/** The council's discharge figures (issue 14 item 9): JSON for the page, CSV for Excel. */
export async function registerFiguresRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/discharge-figures',
    { schema: { tags, querystring: FiguresQuery, response: { 200: FiguresResponse } }, config: ward },
    async (request) => getFigures(deps, request.ctx, request.query),
  );

  app.get(
    '/api/discharge-figures/export.csv',
    { schema: { tags, querystring: FiguresQuery }, config: ward },
    async (request, reply) => {
      const { csv, figures } = await exportFiguresCsv(deps, request.ctx, request.query);
      const name = `discharge-figures-${figures.from}-${figures.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
