import type { Kysely } from 'kysely';
import type { SessionResponse } from '../../../contracts/accounts';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { countUnusedRecoveryCodes } from './recovery-codes';
import { toSessionResponse } from './session.presenter';
import { findSessionRecord, type SessionRecord } from './session.queries';

/** The SessionResponse of a session record (adds the count of recovery codes left). */
export async function presentSession(
  db: Kysely<Database>,
  config: Config,
  record: SessionRecord,
): Promise<SessionResponse> {
  const left = record.totpEnrolled ? await countUnusedRecoveryCodes(db, record.userId) : 0;
  return toSessionResponse(record, config, left);
}

/** The SessionResponse of a session just issued or rotated. Throws auth.session_expired if it is gone. */
export async function presentSessionById(
  db: Kysely<Database>,
  config: Config,
  sessionId: string,
): Promise<SessionResponse> {
  const record = await findSessionRecord(db, { sessionId });
  if (!record) throw new AppError('auth.session_expired');
  return presentSession(db, config, record);
}
