import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, OwnSessionList, SessionsEndedResponse } from '../../../contracts/accounts';
import type { ModuleDeps } from '../../platform/module';
import { endOtherSessions, endOwnSession, listOwnSessions } from './account-sessions.service';
import { sessionOf } from './auth.routes';
import { clearSessionCookie } from './session-cookie';

const tags = ['account'];

/** The signed-in person's own sessions: list, end one, end all others. */
export async function registerAccountSessionRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/account/sessions',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: OwnSessionList } } },
    async (request) => listOwnSessions(deps, sessionOf(request)),
  );

  api.post(
    '/api/account/sessions/revoke-others',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: SessionsEndedResponse } } },
    async (request) => endOtherSessions(deps, request.ctx, sessionOf(request)),
  );

  api.delete(
    '/api/account/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: IdParams, response: { 200: SessionsEndedResponse } },
    },
    async (request, reply) => {
      const { ended, current } = await endOwnSession(
        deps,
        request.ctx,
        sessionOf(request),
        request.params.id,
      );
      if (current) clearSessionCookie(request, reply, deps.config);
      return { ended };
    },
  );
}
