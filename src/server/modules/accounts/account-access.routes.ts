import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OwnAccessList } from '../../../contracts/accounts';
import { PageQuery } from '../../../contracts/page';
import type { ModuleDeps } from '../../platform/module';
import { listOwnAccesses } from './account-access.service';

/** The signed-in person's own entry in the access log: who read their account data, and when. */
export async function registerAccountAccessRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/account/access-log',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['account'], querystring: PageQuery, response: { 200: OwnAccessList } },
    },
    async (request) => listOwnAccesses(deps, request.ctx, request.query),
  );
}
