import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConsultationFiguresResponse } from '../../../contracts/consultations';
import { FiguresQuery } from '../../../contracts/figures';
import type { ModuleDeps } from '../../platform/module';
import { getConsultationFigures } from './figures.service';

/** The desk's yearly figures: a 包括 centre its own window's, the ward admin every window's. */
export async function registerConsultationFiguresRoutes(
  root: FastifyInstance,
  deps: ModuleDeps,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/consultations/figures',
    {
      schema: {
        tags: ['consultations'],
        querystring: FiguresQuery,
        response: { 200: ConsultationFiguresResponse },
      },
      config: { access: ['center_staff', 'ward_admin'] },
    },
    async (request) => getConsultationFigures(deps, request.ctx, request.query),
  );
}
