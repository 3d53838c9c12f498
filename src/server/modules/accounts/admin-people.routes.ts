import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminMembership,
  AdminUser,
  IdParams,
  Invitation,
  InvitationCreate,
  InvitationList,
  InvitationListQuery,
  MembershipCreate,
  OkResponse,
  Organisation,
  OrganisationCreate,
  OrganisationList,
  OrganisationListQuery,
  OrganisationUpdate,
  UserList,
  UserListQuery,
} from '../../../contracts/accounts';
import type { ModuleDeps } from '../../platform/module';
import { recordUserReads } from './account-access.service';
import { createInvitation, listInvitationsOf, revokeInvitation } from './invitation.service';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listOrganisationsOf,
  updateOrganisation,
} from './organisation.service';
import { publicBaseUrl } from './session-cookie';
import { resetTwoFactor } from './two-factor-reset.service';
import { addMembership, changeUser, getUser, listUsers, removeMembership } from './user-admin.service';

const admin = { access: ['ward_admin'] as const };

/** Organisations, users, memberships and invitations of the ward admin's own municipality. */
export async function registerAdminPeopleRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  api.get(
    '/api/admin/organisations',
    {
      config: admin,
      schema: { tags, querystring: OrganisationListQuery, response: { 200: OrganisationList } },
    },
    async (request) => ({
      items: await listOrganisationsOf(deps, request.ctx.municipalityCode, request.query),
    }),
  );
  api.post(
    '/api/admin/organisations',
    { config: admin, schema: { tags, body: OrganisationCreate, response: { 201: Organisation } } },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(deps, request.ctx, request.body)),
  );
  api.get(
    '/api/admin/organisations/:id',
    { config: admin, schema: { tags, params: IdParams, response: { 200: Organisation } } },
    async (request) => getOrganisation(deps, request.ctx.municipalityCode, request.params.id),
  );
  api.patch(
    '/api/admin/organisations/:id',
    {
      config: admin,
      schema: { tags, params: IdParams, body: OrganisationUpdate, response: { 200: Organisation } },
    },
    async (request) => updateOrganisation(deps, request.ctx, request.params.id, request.body),
  );
  api.delete(
    '/api/admin/organisations/:id',
    { config: admin, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await deleteOrganisation(deps, request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/admin/users',
    { config: admin, schema: { tags, querystring: UserListQuery, response: { 200: UserList } } },
    async (request) => {
      const list = await listUsers(deps, request.ctx.municipalityCode, request.query);
      // Names, e-mails and memberships of every person shown: each read is in the access log.
      await recordUserReads(
        deps.db,
        request.ctx,
        list.items.map((u) => u.id),
      );
      return list;
    },
  );
  api.get(
    '/api/admin/users/:id',
    { config: admin, schema: { tags, params: IdParams, response: { 200: AdminUser } } },
    async (request) => {
      const user = await getUser(deps, request.ctx.municipalityCode, request.params.id);
      await recordUserReads(deps.db, request.ctx, [user.id]);
      return user;
    },
  );
  for (const [path, change] of [
    ['disable', 'disable'],
    ['enable', 'enable'],
  ] as const) {
    api.post(
      `/api/admin/users/:id/${path}`,
      { config: admin, schema: { tags, params: IdParams, response: { 200: AdminUser } } },
      async (request) => changeUser(deps, request.ctx, request.params.id, change),
    );
  }

  api.post(
    '/api/admin/users/:id/reset-two-factor',
    { config: admin, schema: { tags, params: IdParams, response: { 200: AdminUser, 202: AdminUser } } },
    async (request, reply) => {
      const { user, pending } = await resetTwoFactor(deps, request.ctx, request.params.id);
      return reply.status(pending ? 202 : 200).send(user);
    },
  );

  api.post(
    '/api/admin/memberships',
    { config: admin, schema: { tags, body: MembershipCreate, response: { 201: AdminMembership } } },
    async (request, reply) => reply.status(201).send(await addMembership(deps, request.ctx, request.body)),
  );
  api.delete(
    '/api/admin/memberships/:id',
    { config: admin, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await removeMembership(deps, request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/admin/invitations',
    { config: admin, schema: { tags, querystring: InvitationListQuery, response: { 200: InvitationList } } },
    async (request) => ({
      items: await listInvitationsOf(deps, request.ctx.municipalityCode, request.query.status),
    }),
  );
  api.post(
    '/api/admin/invitations',
    { config: admin, schema: { tags, body: InvitationCreate, response: { 201: Invitation } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInvitation(deps, request.ctx, request.body, publicBaseUrl(request, deps.config))),
  );
  api.post(
    '/api/admin/invitations/:id/revoke',
    { config: admin, schema: { tags, params: IdParams, response: { 200: Invitation } } },
    async (request) => revokeInvitation(deps, request.ctx, request.params.id),
  );
}
