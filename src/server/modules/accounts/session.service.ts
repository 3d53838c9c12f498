import type { Config } from '../../platform/config';
import type { Executor } from '../../platform/db/schema';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import {
  deleteSession,
  deleteSessionsBeyond,
  findSessionRecord,
  insertSession,
  type SessionRecord,
  updateSession,
} from './session.queries';
import { createToken, hashToken } from './tokens';
import { findUserById } from './user.queries';

export const SESSION_COOKIE = 'zaitaku_session';
// Writing last_seen_at on every request would double the writes; 30 s is finer than any timeout.
const TOUCH_INTERVAL_MS = 30_000;

export type IssuedSession = {
  sessionId: string;
  token: string;
  csrfToken: string;
  /** Older sessions of the user this sign-in ended (SESSION_MAX_PER_USER). */
  endedSessions?: number;
};

export type ResolvedSession =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; record: SessionRecord };

/** When the session ends: idle deadline and absolute deadline. */
export function sessionDeadlines(
  record: Pick<SessionRecord, 'createdAt' | 'lastSeenAt'>,
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_MINUTES'>,
): { idle: Date; absolute: Date } {
  return {
    idle: new Date(record.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000),
    absolute: new Date(record.createdAt.getTime() + config.SESSION_ABSOLUTE_MINUTES * 60_000),
  };
}

/**
 * Turns a cookie token into a live session, or says it expired (idle or absolute timeout, user
 * disabled, or unknown token: logged out elsewhere). Expired sessions are deleted on sight.
 */
export async function resolveSession(
  deps: Pick<ModuleDeps, 'db' | 'config'>,
  token: string,
): Promise<ResolvedSession> {
  const { db, config } = deps;
  if (!token) return { state: 'none' };
  const record = await findSessionRecord(db, { tokenHash: hashToken(token) });
  if (!record) return { state: 'expired' };
  const now = clock.now();
  const { idle, absolute } = sessionDeadlines(record, config);
  if (record.status !== 'active' || now >= idle || now >= absolute) {
    await deleteSession(db, record.sessionId);
    return { state: 'expired' };
  }
  if (now.getTime() - record.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await updateSession(db, record.sessionId, { last_seen_at: now });
    record.lastSeenAt = now;
  }
  return { state: 'active', record };
}

/**
 * Starts a fresh session (a new token at every login: session fixation cannot carry over). With
 * `maxSessions`, the user's oldest sessions beyond it end: a sign-in is never refused for the
 * cap, since the person signing in is the one most likely to be at the keyboard. The user's row
 * is locked first, so two sign-ins at once cannot both keep their old sessions.
 */
export async function startSession(
  trx: Executor,
  input: {
    userId: string;
    clientIp: string;
    userAgent?: string | null;
    deviceHash?: string | null;
    replacesSessionId?: string;
    maxSessions?: number;
  },
): Promise<IssuedSession> {
  if (input.maxSessions !== undefined) await findUserById(trx, input.userId, { lock: true });
  if (input.replacesSessionId) await deleteSession(trx, input.replacesSessionId);
  const token = createToken();
  const csrfToken = createToken();
  const sessionId = await insertSession(trx, {
    userId: input.userId,
    tokenHash: hashToken(token),
    csrfToken,
    twoFactorVerified: false,
    clientIp: input.clientIp,
    userAgent: input.userAgent,
    deviceHash: input.deviceHash,
    now: clock.now(),
  });
  const endedSessions =
    input.maxSessions === undefined
      ? 0
      : await deleteSessionsBeyond(trx, input.userId, input.maxSessions, sessionId);
  return { sessionId, token, csrfToken, endedSessions };
}

/** Gives the session a new token and CSRF token after two-factor; the absolute lifetime keeps running. */
export async function rotateSession(
  trx: Executor,
  sessionId: string,
  changes: { twoFactorVerified: boolean },
): Promise<IssuedSession> {
  const token = createToken();
  const csrfToken = createToken();
  await updateSession(trx, sessionId, {
    token_hash: hashToken(token),
    csrf_token: csrfToken,
    two_factor_verified: changes.twoFactorVerified,
    pending_totp_secret: null,
    last_seen_at: clock.now(),
  });
  return { sessionId, token, csrfToken };
}
