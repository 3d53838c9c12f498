import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConsultationContact,
  ConsultationCreateBody,
  ConsultationDetail,
  ConsultationFlagsBody,
  ConsultationListQuery,
  ConsultationPage,
  ConsultationTransitionBody,
  ContactCreateBody,
} from '../../../contracts/consultations';
import type { ModuleDeps } from '../../platform/module';
import {
  addConsultationContact,
  getConsultation,
  listConsultations,
  openConsultation,
  setConsultationFlags,
  transitionConsultation,
} from './consultation.service';

const tags = ['consultations'];
/** The records are the window's: only 包括 staff reach them (the ward admin sees the figures). */
const windowStaff = ['center_staff'] as const;
const Params = z.object({ id: z.uuid() });

/** The home-care consultation desk (在宅療養相談): the window's records and their contacts. */
export async function registerConsultationRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/consultations',
    {
      schema: { tags, body: ConsultationCreateBody, response: { 201: ConsultationDetail } },
      config: { access: windowStaff },
    },
    async (request, reply) => reply.status(201).send(await openConsultation(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/consultations',
    {
      schema: { tags, querystring: ConsultationListQuery, response: { 200: ConsultationPage } },
      config: { access: windowStaff },
    },
    async (request) => listConsultations(deps, request.ctx, request.query),
  );

  app.get(
    '/api/consultations/:id',
    {
      schema: { tags, params: Params, response: { 200: ConsultationDetail } },
      config: { access: windowStaff },
    },
    async (request) => getConsultation(deps, request.ctx, request.params.id),
  );

  app.post(
    '/api/consultations/:id/contacts',
    {
      schema: { tags, params: Params, body: ContactCreateBody, response: { 201: ConsultationContact } },
      config: { access: windowStaff },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addConsultationContact(deps, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/consultations/:id/transitions',
    {
      schema: {
        tags,
        params: Params,
        body: ConsultationTransitionBody,
        response: { 200: ConsultationDetail },
      },
      config: { access: windowStaff },
    },
    async (request) => transitionConsultation(deps, request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/consultations/:id/flags',
    {
      schema: { tags, params: Params, body: ConsultationFlagsBody, response: { 200: ConsultationDetail } },
      config: { access: windowStaff },
    },
    async (request) => setConsultationFlags(deps, request.ctx, request.params.id, request.body),
  );
}
