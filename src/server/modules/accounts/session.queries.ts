import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { OrganisationKind, Role } from '../../../contracts/roles';
import type { Executor } from '../../platform/db/schema';
import './membership.table';
import './organisation.table';
import './session.table';
import './user.table';
import '../../platform/municipality.table';

export type MembershipView = {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Role;
};

/** A session with what the request needs about its user, in one round trip. */
export type SessionRecord = {
  sessionId: string;
  csrfToken: string;
  twoFactorVerified: boolean;
  pendingTotpSecret: string | null;
  /** SHA-256 of the device cookie the session was started with, if the browser sent one. */
  deviceHash: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  userId: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  totpEnrolled: boolean;
  passwordChangeRequired: boolean;
  municipalityCode: string;
  municipalityName: string;
  memberships: MembershipView[];
};

export async function findSessionRecord(
  db: Executor,
  by: { tokenHash: string } | { sessionId: string },
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    // The user's foreign key makes this join find exactly one row.
    .innerJoin('municipalities as m', 'm.code', 'u.municipality_code')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.two_factor_verified as twoFactorVerified',
      's.pending_totp_secret as pendingTotpSecret',
      's.device_hash as deviceHash',
      's.user_agent as userAgent',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.email',
      'u.display_name as displayName',
      'u.status',
      'u.password_change_required as passwordChangeRequired',
      'u.municipality_code as municipalityCode',
    ])
    .select('m.name as municipalityName')
    .select((eb) => [
      eb('u.totp_secret', 'is not', null).$castTo<boolean>().as('totpEnrolled'),
      jsonArrayFrom(
        eb
          .selectFrom('memberships as ms')
          .innerJoin('organisations as o', 'o.id', 'ms.organisation_id')
          .select([
            'ms.organisation_id as organisationId',
            'o.name as organisationName',
            'o.kind as organisationKind',
            'ms.role',
          ])
          .whereRef('ms.user_id', '=', 'u.id')
          .orderBy('o.name')
          .orderBy('ms.role'),
      ).as('memberships'),
    ])
    .$if('tokenHash' in by, (q) => q.where('s.token_hash', '=', (by as { tokenHash: string }).tokenHash))
    .$if('sessionId' in by, (q) => q.where('s.id', '=', (by as { sessionId: string }).sessionId))
    .executeTakeFirst();
  if (!row) return undefined;
  const memberships = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  return { ...row, municipalityCode: row.municipalityCode.trim(), memberships };
}

export async function insertSession(
  db: Executor,
  values: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    twoFactorVerified: boolean;
    clientIp: string;
    userAgent?: string | null;
    deviceHash?: string | null;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('sessions')
    .values({
      user_id: values.userId,
      token_hash: values.tokenHash,
      csrf_token: values.csrfToken,
      two_factor_verified: values.twoFactorVerified,
      pending_totp_secret: null,
      client_ip: values.clientIp,
      user_agent: values.userAgent ?? null,
      device_hash: values.deviceHash ?? null,
      created_at: values.now,
      last_seen_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSession(
  db: Executor,
  sessionId: string,
  values: Partial<{
    token_hash: string;
    csrf_token: string;
    two_factor_verified: boolean;
    pending_totp_secret: string | null;
    last_seen_at: Date;
  }>,
): Promise<void> {
  await db.updateTable('sessions').set(values).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * Ends every session of a user (password change, disable, two-factor reset, "log out everywhere
 * else"), optionally but one. Returns how many ended.
 */
export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(Boolean(exceptSessionId), (q) => q.where('id', '!=', exceptSessionId as string))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One session of a user, ended by its owner; false when it is not theirs or already gone. */
export async function deleteSessionOfUser(db: Executor, userId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Ends the user's oldest sessions so that at most `keep` remain, `newSessionId` always among them
 * (the session cap). Returns how many ended.
 */
export async function deleteSessionsBeyond(
  db: Executor,
  userId: string,
  keep: number,
  newSessionId: string,
): Promise<number> {
  const newestOthers = db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '!=', newSessionId)
    .orderBy('created_at', 'desc')
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(0, keep - 1));
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', newSessionId)
    .where('id', 'not in', newestOthers)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type OwnSessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  clientIp: string | null;
  userAgent: string | null;
  twoFactorVerified: boolean;
};

/** The user's sessions, most recently used first (at most SESSION_MAX_PER_USER exist). */
export async function listSessionsOfUser(db: Executor, userId: string): Promise<OwnSessionRow[]> {
  return db
    .selectFrom('sessions')
    .select([
      'id',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'client_ip as clientIp',
      'user_agent as userAgent',
      'two_factor_verified as twoFactorVerified',
    ])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
}
