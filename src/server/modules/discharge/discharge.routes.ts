import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChecklistItemBody,
  ContactCreateBody,
  ContactDto,
  DischargeCaseCreateBody,
  DischargeCaseDetail,
  DischargeCaseListQuery,
  DischargeCasePage,
  DischargeCaseTransitionBody,
  NoticeAckBody,
  PendingAcknowledgmentPage,
  TaskCreateBody,
  TaskDto,
  TaskUpdateBody,
} from '../../../contracts/discharge';
import { PageQuery } from '../../../contracts/page';
import type { ModuleDeps } from '../../platform/module';
import {
  addContact,
  addTask,
  getCase,
  listCases,
  openCase,
  setChecklistItem,
  setTaskDone,
  transitionCase,
} from './discharge-case.service';
import { acknowledgeNotice, listPendingAcknowledgments } from './pending-notices.service';

const tags = ['discharge'];
const coordinators = ['hospital_staff', 'center_staff'] as const;
/** Everyone whose work is the patient (the services check the circle). */
const clinical = ['hospital_staff', 'center_staff', 'clinician', 'care_manager'] as const;
const CaseParams = z.object({ id: z.uuid() });
const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const Ok = z.object({ ok: z.literal(true) });

/** Discharge cases (退院支援): opening, the workflow, checklist, tasks, timeline; the notices list. */
export async function registerDischargeRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/discharge-cases',
    {
      schema: { tags, body: DischargeCaseCreateBody, response: { 201: DischargeCaseDetail } },
      config: { access: coordinators },
    },
    async (request, reply) => reply.status(201).send(await openCase(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/discharge-cases',
    {
      schema: { tags, querystring: DischargeCaseListQuery, response: { 200: DischargeCasePage } },
      config: { access: clinical },
    },
    async (request) => listCases(deps, request.ctx, request.query),
  );

  app.get(
    '/api/discharge-cases/:id',
    {
      schema: { tags, params: CaseParams, response: { 200: DischargeCaseDetail } },
      config: { access: clinical },
    },
    async (request) => getCase(deps, request.ctx, request.params.id),
  );

  app.post(
    '/api/discharge-cases/:id/transitions',
    {
      schema: {
        tags,
        params: CaseParams,
        body: DischargeCaseTransitionBody,
        response: { 200: DischargeCaseDetail },
      },
      config: { access: coordinators },
    },
    async (request) => transitionCase(deps, request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/discharge-cases/:id/checklist/:itemId',
    {
      schema: { tags, params: ItemParams, body: ChecklistItemBody, response: { 200: Ok } },
      config: { access: coordinators },
    },
    async (request) => {
      await setChecklistItem(deps, request.ctx, request.params.id, request.params.itemId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/discharge-cases/:id/tasks',
    {
      schema: { tags, params: CaseParams, body: TaskCreateBody, response: { 201: TaskDto } },
      config: { access: coordinators },
    },
    async (request, reply) =>
      reply.status(201).send(await addTask(deps, request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/discharge-cases/:id/tasks/:itemId',
    {
      schema: { tags, params: ItemParams, body: TaskUpdateBody, response: { 200: TaskDto } },
      config: { access: coordinators },
    },
    async (request) =>
      setTaskDone(deps, request.ctx, request.params.id, request.params.itemId, request.body.done),
  );

  app.post(
    '/api/discharge-cases/:id/contacts',
    {
      schema: { tags, params: CaseParams, body: ContactCreateBody, response: { 201: ContactDto } },
      config: { access: coordinators },
    },
    async (request, reply) =>
      reply.status(201).send(await addContact(deps, request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/discharge-notices/pending',
    {
      schema: { tags, querystring: PageQuery, response: { 200: PendingAcknowledgmentPage } },
      config: { access: clinical },
    },
    async (request) => listPendingAcknowledgments(deps, request.ctx, request.query),
  );

  app.post(
    '/api/discharge-notices/:id/acknowledge',
    {
      schema: { tags, params: CaseParams, body: NoticeAckBody, response: { 200: Ok } },
      config: { access: clinical },
    },
    async (request) => {
      await acknowledgeNotice(deps, request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
}
