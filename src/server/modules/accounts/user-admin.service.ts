import type {
  AdminMembership,
  AdminUser,
  MembershipCreate,
  UserList,
  UserListQuery,
} from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { decodeCursorOf, TEXT_UUID, toPage } from '../../platform/db/pagination';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { toAdminUser } from './admin.presenter';
import { findOrganisation } from './organisation.queries';
import { deleteSessionsOfUser } from './session.queries';
import { updateUser } from './user.queries';
import {
  countActiveWardAdmins,
  deleteMembership,
  findAdminUser,
  findMembership,
  insertMembership,
  listAdminUsers,
  lockWardAdmins,
} from './user-admin.queries';

type Deps = Pick<ModuleDeps, 'db'>;

/** The municipality's users by email, in the one list pattern. */
export async function listUsers(
  deps: Deps,
  municipalityCode: string,
  query: UserListQuery,
): Promise<UserList> {
  const rows = await listAdminUsers(
    deps.db,
    municipalityCode,
    { q: query.q, status: query.status, organisationId: query.organisationId },
    { after: decodeCursorOf(query.cursor, TEXT_UUID), limit: query.limit + 1 },
  );
  return toPage(rows, query, (row) => ({ sort: row.email, id: row.id }), toAdminUser);
}

/** One user of the caller's municipality. Throws not_found. */
export async function getUser(deps: Deps, municipalityCode: string, id: string): Promise<AdminUser> {
  const row = await findAdminUser(deps.db, municipalityCode, id);
  if (!row) throw new AppError('not_found');
  return toAdminUser(row);
}

type UserChange = 'disable' | 'enable';

/**
 * Disables (ends sessions) or enables (also lifts a lockout) a user of the caller's municipality.
 * Resetting two-factor takes two admins: `resetTwoFactor`. Throws not_found, user.cannot_change_self.
 */
export async function changeUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  change: UserChange,
): Promise<AdminUser> {
  return runUseCase(deps, ctx, async ({ trx, actor, audit }) => {
    if (actor.userId === id && change !== 'enable') throw new AppError('user.cannot_change_self');
    if (change === 'disable') await lockWardAdmins(trx, ctx.municipalityCode);
    const user = await findAdminUser(trx, ctx.municipalityCode, id);
    if (!user) throw new AppError('not_found');
    if (
      change === 'disable' &&
      (await countActiveWardAdmins(trx, ctx.municipalityCode, undefined, id)) === 0
    ) {
      throw new AppError('membership.last_admin');
    }
    if (change === 'disable') {
      await updateUser(trx, id, { status: 'disabled' });
      await deleteSessionsOfUser(trx, id);
    } else {
      await updateUser(trx, id, {
        status: 'active',
        failed_attempts: 0,
        totp_failed_attempts: 0,
        locked_until: null,
      });
    }
    await audit({ action: `user.${change}`, recordType: 'user', recordId: id });
    return toAdminUser((await findAdminUser(trx, ctx.municipalityCode, id)) ?? user);
  });
}

/** Gives a user a role in an organisation, both of the caller's municipality. Throws not_found, membership.exists. */
export async function addMembership(
  deps: Deps,
  ctx: RequestContext,
  input: MembershipCreate,
): Promise<AdminMembership> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, audit }) => {
      const user = await findAdminUser(trx, ctx.municipalityCode, input.userId);
      if (!user) throw new AppError('not_found', { field: 'userId' });
      const organisation = await findOrganisation(trx, ctx.municipalityCode, input.organisationId);
      if (!organisation) throw new AppError('not_found', { field: 'organisationId' });
      const id = await insertMembership(trx, {
        municipalityCode: ctx.municipalityCode,
        userId: user.id,
        organisationId: organisation.id,
        role: input.role,
      });
      await audit({
        action: 'membership.create',
        recordType: 'membership',
        recordId: id,
        details: { userId: user.id, organisationId: organisation.id, role: input.role },
      });
      return {
        id,
        userId: user.id,
        organisationId: organisation.id,
        organisationName: organisation.name,
        role: input.role,
      };
    },
    { uniqueViolations: { memberships_unique: 'membership.exists' } },
  );
}

/** Removes a membership; the municipality keeps at least one active ward admin. Throws not_found, membership.last_admin. */
export async function removeMembership(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  await runUseCase(deps, ctx, async ({ trx, audit }) => {
    await lockWardAdmins(trx, ctx.municipalityCode);
    const membership = await findMembership(trx, ctx.municipalityCode, id, { lock: true });
    if (!membership) throw new AppError('not_found');
    if (
      membership.role === 'ward_admin' &&
      (await countActiveWardAdmins(trx, ctx.municipalityCode, id)) === 0
    ) {
      throw new AppError('membership.last_admin');
    }
    await deleteMembership(trx, id);
    await audit({
      action: 'membership.delete',
      recordType: 'membership',
      recordId: id,
      details: {
        userId: membership.user_id,
        organisationId: membership.organisation_id,
        role: membership.role,
      },
    });
  });
}
