import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssociationDeskList,
  IncomingReferralPage,
  IncomingReferralQuery,
  ReferralCreateBody,
  ReferralDto,
  ReferralList,
  ReferralNameBody,
  ReferralReasonBody,
  ReferralSendBody,
} from '../../../contracts/referrals';
import type { ModuleDeps } from '../../platform/module';
import {
  acceptReferral,
  cancelReferral,
  completeReferral,
  createReferral,
  declineReferral,
  failReferral,
  getReferral,
  nameProvider,
  receiveReferral,
  sendReferral,
} from './referral.service';
import { listDesks, listIncoming, listReferralsOf } from './referral-read.service';

const tags = ['referrals'];
const coordinators = ['hospital_staff', 'center_staff'] as const;
const clinical = ['hospital_staff', 'center_staff', 'clinician', 'care_manager'] as const;
const Params = z.object({ id: z.uuid() });
const response = { 200: ReferralDto };

/**
 * Referrals (issue 14 item 6). The sending side drafts and sends (behind the continuity gate); the
 * recipient organisation sees what is addressed to it and answers in one step.
 */
export async function registerReferralRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/referrals',
    {
      schema: { tags, body: ReferralCreateBody, response: { 201: ReferralDto } },
      config: { access: coordinators },
    },
    async (request, reply) => reply.status(201).send(await createReferral(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/referrals',
    {
      schema: { tags, querystring: z.object({ patientId: z.uuid() }), response: { 200: ReferralList } },
      config: { access: clinical },
    },
    async (request) => listReferralsOf(deps, request.ctx, request.query.patientId),
  );

  app.get(
    '/api/referrals/incoming',
    {
      schema: { tags, querystring: IncomingReferralQuery, response: { 200: IncomingReferralPage } },
      config: { access: clinical },
    },
    async (request) => listIncoming(deps, request.ctx, request.query),
  );

  app.get(
    '/api/referrals/association-desks',
    { schema: { tags, response: { 200: AssociationDeskList } }, config: { access: clinical } },
    async (request) => listDesks(deps, request.ctx),
  );

  app.get(
    '/api/referrals/:id',
    { schema: { tags, params: Params, response }, config: { access: clinical } },
    async (request) => getReferral(deps, request.ctx, request.params.id),
  );

  app.post(
    '/api/referrals/:id/send',
    { schema: { tags, params: Params, body: ReferralSendBody, response }, config: { access: coordinators } },
    async (request) => sendReferral(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/referrals/:id/name',
    { schema: { tags, params: Params, body: ReferralNameBody, response }, config: { access: clinical } },
    async (request) => nameProvider(deps, request.ctx, request.params.id, request.body),
  );

  const withReason = { decline: declineReferral, cancel: cancelReferral, fail: failReferral } as const;
  for (const [path, run] of Object.entries(withReason)) {
    app.post(
      `/api/referrals/:id/${path}`,
      { schema: { tags, params: Params, body: ReferralReasonBody, response }, config: { access: clinical } },
      async (request) => run(deps, request.ctx, request.params.id, request.body),
    );
  }

  const plain = { receive: receiveReferral, accept: acceptReferral, complete: completeReferral } as const;
  for (const [path, run] of Object.entries(plain)) {
    app.post(
      `/api/referrals/:id/${path}`,
      {
        schema: { tags, params: Params, body: z.object({}).optional(), response },
        config: { access: clinical },
      },
      async (request) => run(deps, request.ctx, request.params.id),
    );
  }
}
