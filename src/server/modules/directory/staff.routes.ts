import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CapacityDto,
  CapacityUpdateBody,
  ChangeRequestDetail,
  ChangeRequestDto,
  ChangeRequestListQuery,
  ChangeRequestListResponse,
  ConfirmResponse,
  FacilityChangeRequestBody,
  FacilityChangeRequestsResponse,
  FacilityCreateBody,
  FacilityDetail,
  FacilityHistoryResponse,
  FacilityId,
  FacilityUpdateBody,
  MyFacilitiesResponse,
  ReminderRunBody,
  ReminderRunResponse,
  ReviewDecisionBody,
} from '../../../contracts/directory';
import type { ModuleDeps } from '../../platform/module';
import {
  decideChangeRequest,
  getChangeRequest,
  listChangeRequests,
  listFacilityChangeRequests,
  submitChangeRequest,
  withdrawChangeRequest,
} from './change-request.service';
import { recordDirectoryRead } from './directory-access-log';
import {
  addFacility,
  confirmFacility,
  listFacilityHistory,
  listMyFacilities,
  setCapacity,
  updateFacility,
} from './facility-admin.service';
import { remindStaleFacilities } from './reminder.service';

const tags = ['directory (staff)'];
const IdParams = z.object({ id: FacilityId });
const editors = ['facility_editor', 'ward_admin'] as const;
const admins = ['ward_admin'] as const;

/** Self-service for facility editors and the ward admin's review queue. */
export async function registerStaffRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  app.get(
    '/api/directory/my-facilities',
    { schema: { tags, response: { 200: MyFacilitiesResponse } }, config: { access: ['facility_editor'] } },
    async (request) => listMyFacilities(deps, request.ctx),
  );

  app.post(
    '/api/directory/facilities/:id/change-requests',
    {
      schema: {
        tags,
        params: IdParams,
        body: FacilityChangeRequestBody,
        response: { 201: ChangeRequestDto },
      },
      config: { access: ['facility_editor'] },
    },
    async (request, reply) =>
      reply.status(201).send(await submitChangeRequest(deps, request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/directory/facilities/:id/change-requests',
    {
      schema: {
        tags,
        summary: "施設自身の変更申請（審査中と最近の結果） / the facility's own change requests",
        params: IdParams,
        response: { 200: FacilityChangeRequestsResponse },
      },
      config: { access: editors },
    },
    async (request) => listFacilityChangeRequests(deps, request.ctx, request.params.id),
  );

  app.put(
    '/api/directory/facilities/:id/capacity',
    {
      schema: { tags, params: IdParams, body: CapacityUpdateBody, response: { 200: CapacityDto } },
      config: { access: editors },
    },
    async (request) => setCapacity(deps, request.ctx, request.params.id, request.body.signal),
  );

  app.post(
    '/api/directory/facilities/:id/confirm',
    {
      schema: {
        tags,
        summary: '内容に変更なし（確認日を更新） / confirm that the entry is still correct',
        params: IdParams,
        response: { 200: ConfirmResponse },
      },
      config: { access: editors },
    },
    async (request) => confirmFacility(deps, request.ctx, request.params.id),
  );

  app.get(
    '/api/directory/facilities/:id/history',
    {
      schema: { tags, params: IdParams, response: { 200: FacilityHistoryResponse } },
      config: { access: editors },
    },
    async (request) => {
      const history = await listFacilityHistory(deps, request.ctx, request.params.id);
      // The history names who edited the facility and when: a read of those people's data.
      await recordDirectoryRead(db, request.ctx, 'facility_history', [request.params.id]);
      return history;
    },
  );

  app.post(
    '/api/directory/facilities',
    {
      schema: { tags, body: FacilityCreateBody, response: { 201: FacilityDetail } },
      config: { access: admins },
    },
    async (request, reply) => reply.status(201).send(await addFacility(deps, request.ctx, request.body)),
  );

  app.patch(
    '/api/directory/facilities/:id',
    {
      schema: { tags, params: IdParams, body: FacilityUpdateBody, response: { 200: FacilityDetail } },
      config: { access: admins },
    },
    async (request) => updateFacility(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/directory/change-requests',
    {
      schema: { tags, querystring: ChangeRequestListQuery, response: { 200: ChangeRequestListResponse } },
      config: { access: admins },
    },
    async (request) => {
      const list = await listChangeRequests(deps, request.ctx, request.query);
      // Each request carries its submitter's name and contact: one access-log row per request shown.
      await recordDirectoryRead(
        db,
        request.ctx,
        'facility_change_request',
        list.items.map((r) => r.id),
      );
      return list;
    },
  );

  app.get(
    '/api/directory/change-requests/:id',
    {
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: ChangeRequestDetail } },
      config: { access: admins },
    },
    async (request) => {
      const detail = await getChangeRequest(deps, request.ctx, request.params.id);
      await recordDirectoryRead(db, request.ctx, 'facility_change_request', [detail.id]);
      return detail;
    },
  );

  app.post(
    '/api/directory/change-requests/:id/decision',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: ReviewDecisionBody,
        response: { 200: ChangeRequestDto },
      },
      config: { access: admins },
    },
    async (request) => decideChangeRequest(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/directory/change-requests/:id/withdraw',
    {
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: ChangeRequestDto } },
      config: { access: ['facility_editor'] },
    },
    async (request) => withdrawChangeRequest(deps, request.ctx, request.params.id),
  );

  app.post(
    '/api/directory/reminders',
    {
      schema: { tags, body: ReminderRunBody, response: { 200: ReminderRunResponse } },
      config: { access: admins },
    },
    async (request) => {
      const result = await remindStaleFacilities(deps, request.ctx, {
        baseUrl: config.BASE_URL ?? `http://localhost:${config.PORT}`,
        dryRun: request.body.dryRun,
      });
      deps.kickMail();
      return result;
    },
  );
}
