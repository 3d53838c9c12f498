import type { Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AdminMembership, UserStatus } from '../../../contracts/accounts';
import type { Role } from '../../../contracts/roles';
import { keysetPage, type TextPosition } from '../../platform/db/pagination';
import type { Executor } from '../../platform/db/schema';
import { clock } from '../../platform/time/clock';
import type { MembershipTable } from './membership.table';
import { escapeLike } from './organisation.queries';
import type { UserTable } from './user.table';
import './membership.table';
import './two-factor-reset.table';

export type AdminUserRow = Selectable<UserTable> & {
  memberships: AdminMembership[];
  /** Email of the ward admin whose two-factor reset request waits for a second admin. */
  two_factor_reset_requested_by: string | null;
};

function selectUsers(db: Executor) {
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('memberships as m')
          .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
          .select([
            'm.id',
            'm.user_id as userId',
            'm.organisation_id as organisationId',
            'o.name as organisationName',
            'm.role',
          ])
          .whereRef('m.user_id', '=', 'u.id')
          .orderBy('o.name')
          .orderBy('m.role'),
      ).as('memberships'),
      eb
        .selectFrom('two_factor_reset_requests as r')
        .select('r.requested_by_label')
        .whereRef('r.user_id', '=', 'u.id')
        .where('r.closed_at', 'is', null)
        .where('r.expires_at', '>', clock.now())
        .$asScalar()
        .as('two_factor_reset_requested_by'),
    ]);
}

function parseMemberships<T extends { memberships: unknown }>(
  row: T,
): T & { memberships: AdminMembership[] } {
  const memberships = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  return { ...row, memberships };
}

export async function findAdminUser(
  db: Executor,
  municipalityCode: string,
  id: string,
): Promise<AdminUserRow | undefined> {
  const row = await selectUsers(db)
    .where('u.municipality_code', '=', municipalityCode)
    .where('u.id', '=', id)
    .executeTakeFirst();
  return row ? parseMemberships(row) : undefined;
}

/** Users of the municipality by email (then id), strictly after `after`; `limit` rows at most. */
export async function listAdminUsers(
  db: Executor,
  municipalityCode: string,
  filter: { q?: string; status?: UserStatus; organisationId?: string },
  page: { after?: TextPosition; limit: number },
): Promise<AdminUserRow[]> {
  const rows = await selectUsers(db)
    .where('u.municipality_code', '=', municipalityCode)
    .$if(Boolean(filter.status), (q) => q.where('u.status', '=', filter.status as UserStatus))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) =>
        eb.or([
          eb('u.email', 'like', `%${escapeLike((filter.q as string).toLowerCase())}%`),
          eb('u.display_name', 'like', `%${escapeLike(filter.q as string)}%`),
        ]),
      ),
    )
    .$if(Boolean(filter.organisationId), (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.id')
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.organisation_id', '=', filter.organisationId as string),
        ),
      ),
    )
    .$call((q) => keysetPage(q, ['u.email', 'u.id'], 'asc', page.after))
    .limit(page.limit)
    .execute();
  return rows.map(parseMemberships);
}

/** Active ward admins of the municipality, optionally not counting one membership. */
/**
 * Serialises, per municipality, every change that could remove its last active ward admin (until
 * the transaction ends): two admins removing each other at the same moment must not both succeed.
 * Count the admins after taking it.
 */
export async function lockWardAdmins(db: Executor, municipalityCode: string): Promise<void> {
  await db
    .selectNoFrom((eb) =>
      eb
        .fn('pg_advisory_xact_lock', [
          eb.fn('hashtextextended', [eb.val(`zaitaku:ward_admins:${municipalityCode}`), eb.lit(0)]),
        ])
        .as('locked'),
    )
    .execute();
}

/** Active ward admins of the municipality, leaving out one membership or one user (the one being changed). */
export async function countActiveWardAdmins(
  db: Executor,
  municipalityCode: string,
  exceptMembershipId?: string,
  exceptUserId?: string,
): Promise<number> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => eb.fn.count<number>('u.id').distinct().as('n'))
    .where('m.municipality_code', '=', municipalityCode)
    .where('m.role', '=', 'ward_admin')
    .where('u.status', '=', 'active')
    .$if(Boolean(exceptMembershipId), (q) => q.where('m.id', '!=', exceptMembershipId as string))
    .$if(Boolean(exceptUserId), (q) => q.where('u.id', '!=', exceptUserId as string))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Emails of the municipality's active ward admins (whom security alerts go to). */
export async function listWardAdminEmails(db: Executor, municipalityCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .distinct()
    .where('m.municipality_code', '=', municipalityCode)
    .where('m.role', '=', 'ward_admin')
    .where('u.status', '=', 'active')
    .orderBy('u.email')
    .execute();
  return rows.map((row) => row.email);
}

/** Gives a user a role in an organisation; returns the membership's id. */
export async function insertMembership(
  db: Executor,
  values: { municipalityCode: string; userId: string; organisationId: string; role: Role },
): Promise<string> {
  const row = await db
    .insertInto('memberships')
    .values({
      municipality_code: values.municipalityCode,
      user_id: values.userId,
      organisation_id: values.organisationId,
      role: values.role,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One membership of the municipality; `lock` for a change that depends on it. */
export async function findMembership(
  db: Executor,
  municipalityCode: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Selectable<MembershipTable> | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('id', '=', id)
    .where('municipality_code', '=', municipalityCode)
    .$if(Boolean(options.lock), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function deleteMembership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}
