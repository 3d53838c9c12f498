import type { Insertable, Selectable, Updateable } from 'kysely';
import type { InvitationStatus } from '../../../contracts/accounts';
import type { Executor } from '../../platform/db/schema';
import type { InvitationTable } from './invitation.table';
import './organisation.table';
import '../../platform/municipality.table';

export type InvitationRow = Selectable<InvitationTable> & {
  organisation_name: string;
  municipality_name: string;
};

function selectInvitations(db: Executor) {
  return (
    db
      .selectFrom('invitations as i')
      .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
      .selectAll('i')
      .select('o.name as organisation_name')
      // The foreign key makes this join find exactly one row.
      .innerJoin('municipalities as m', 'm.code', 'i.municipality_code')
      .select('m.name as municipality_name')
  );
}

/** Status from the timestamps: accepted and revoked are final; otherwise the expiry decides. */
export function invitationStatus(
  row: Pick<InvitationTable, 'accepted_at' | 'revoked_at' | 'expires_at'>,
  now: Date,
): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<InvitationRow | undefined> {
  return selectInvitations(db)
    .where('i.token_hash', '=', tokenHash)
    .$if(Boolean(options.lock), (q) => q.forUpdate('i'))
    .executeTakeFirst();
}

export async function findInvitation(
  db: Executor,
  municipalityCode: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<InvitationRow | undefined> {
  return selectInvitations(db)
    .where('i.municipality_code', '=', municipalityCode)
    .where('i.id', '=', id)
    .$if(Boolean(options.lock), (q) => q.forUpdate('i'))
    .executeTakeFirst();
}

export async function listInvitations(
  db: Executor,
  municipalityCode: string,
  status: InvitationStatus | undefined,
  now: Date,
): Promise<InvitationRow[]> {
  return selectInvitations(db)
    .where('i.municipality_code', '=', municipalityCode)
    .$if(status === 'accepted', (q) => q.where('i.accepted_at', 'is not', null))
    .$if(status === 'revoked', (q) => q.where('i.revoked_at', 'is not', null))
    .$if(status === 'pending' || status === 'expired', (q) =>
      q
        .where('i.accepted_at', 'is', null)
        .where('i.revoked_at', 'is', null)
        .where('i.expires_at', status === 'pending' ? '>' : '<=', now),
    )
    .orderBy('i.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function insertInvitation(db: Executor, values: Insertable<InvitationTable>): Promise<string> {
  const row = await db.insertInto('invitations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an invitation accepted or revoked. */
export async function updateInvitation(
  db: Executor,
  id: string,
  values: Pick<Updateable<InvitationTable>, 'accepted_at' | 'accepted_user_id' | 'revoked_at'>,
): Promise<void> {
  await db.updateTable('invitations').set(values).where('id', '=', id).execute();
}
