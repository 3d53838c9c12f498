import type { OwnSessionList } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { toOwnSession } from './account-sessions.presenter';
import {
  deleteSessionOfUser,
  deleteSessionsOfUser,
  listSessionsOfUser,
  type SessionRecord,
} from './session.queries';

type Deps = Pick<ModuleDeps, 'db' | 'config'>;

/** The signed-in person's own sessions, the current one marked. */
export async function listOwnSessions(deps: Deps, session: SessionRecord): Promise<OwnSessionList> {
  const rows = await listSessionsOfUser(deps.db, session.userId);
  return {
    items: rows.map((row) => toOwnSession(row, session.sessionId)),
    maxSessions: deps.config.SESSION_MAX_PER_USER,
  };
}

/**
 * Ends one of the person's own sessions (the current one too: that is a logout). Another
 * person's session answers not_found, as an unknown id does, so ids reveal nothing.
 */
export async function endOwnSession(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord,
  sessionId: string,
): Promise<{ ended: number; current: boolean }> {
  return runUseCase(deps, ctx, async ({ trx, audit }) => {
    if (!(await deleteSessionOfUser(trx, session.userId, sessionId))) throw new AppError('not_found');
    const current = sessionId === session.sessionId;
    await audit({
      action: 'account.session_end',
      recordType: 'session',
      recordId: sessionId,
      details: { current },
    });
    return { ended: 1, current };
  });
}

/** "Log out everywhere else": ends every session of the person but this one. */
export async function endOtherSessions(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord,
): Promise<{ ended: number }> {
  return runUseCase(deps, ctx, async ({ trx, audit }) => {
    const ended = await deleteSessionsOfUser(trx, session.userId, session.sessionId);
    await audit({
      action: 'account.sessions_end_others',
      recordType: 'user',
      recordId: session.userId,
      details: { ended },
    });
    return { ended };
  });
}
