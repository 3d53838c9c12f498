import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CloseChangeBody,
  ConsentBody,
  OverrideBody,
  ProviderChangeCreateBody,
  ProviderChangeDto,
  RespondBody,
} from '../../../contracts/discharge';
import type { ModuleDeps } from '../../platform/module';
import {
  confirmChange,
  getChange,
  keepCurrent,
  notifyIncumbent,
  overrideChange,
  proposeChange,
  recordConsent,
  requestConsent,
  respondToChange,
  shareCare,
  withdrawChange,
} from './provider-change.service';

const tags = ['discharge'];
const coordinators = ['hospital_staff', 'center_staff'] as const;
const clinical = ['hospital_staff', 'center_staff', 'clinician', 'care_manager'] as const;
const Params = z.object({ id: z.uuid() });
const response = { 200: ProviderChangeDto };

/** Provider changes behind the continuity gate. A refused confirmation is a 409 with a continuity.* code. */
export async function registerProviderChangeRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/provider-changes',
    {
      schema: { tags, body: ProviderChangeCreateBody, response: { 201: ProviderChangeDto } },
      config: { access: coordinators },
    },
    async (request, reply) => reply.status(201).send(await proposeChange(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/provider-changes/:id',
    { schema: { tags, params: Params, response }, config: { access: clinical } },
    async (request) => getChange(deps, request.ctx, request.params.id),
  );

  app.post(
    '/api/provider-changes/:id/consent',
    { schema: { tags, params: Params, body: ConsentBody, response }, config: { access: coordinators } },
    async (request) => recordConsent(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/provider-changes/:id/respond',
    { schema: { tags, params: Params, body: RespondBody, response }, config: { access: clinical } },
    async (request) => respondToChange(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/provider-changes/:id/override',
    { schema: { tags, params: Params, body: OverrideBody, response }, config: { access: coordinators } },
    async (request) => overrideChange(deps, request.ctx, request.params.id, request.body),
  );

  // The steps without a body of their own.
  const steps = {
    'request-consent': requestConsent,
    notify: notifyIncumbent,
    confirm: confirmChange,
    keep: keepCurrent,
    share: shareCare,
    withdraw: withdrawChange,
  } as const;
  for (const [path, run] of Object.entries(steps)) {
    app.post(
      `/api/provider-changes/:id/${path}`,
      {
        schema: { tags, params: Params, body: CloseChangeBody.optional(), response },
        config: { access: coordinators },
      },
      async (request) => run(deps, request.ctx, request.params.id),
    );
  }
}
