import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganisationKind } from '../../../contracts/roles';
import type { Executor } from '../../platform/db/schema';
import type { OrganisationTable } from './organisation.table';
import './membership.table';
import './invitation.table';

export type OrganisationRow = Selectable<OrganisationTable> & { member_count: number };

function selectOrganisations(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('memberships as m')
        .select((sub) => sub.cast<number>(sub.fn.count('m.user_id').distinct(), 'integer').as('n'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .$asScalar()
        .$notNull()
        .as('member_count'),
    );
}

/** One organisation of the municipality (another municipality's is simply not found). */
export async function findOrganisation(
  db: Executor,
  municipalityCode: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OrganisationRow | undefined> {
  if (options.lock) {
    await db.selectFrom('organisations').select('id').where('id', '=', id).forUpdate().execute();
  }
  return selectOrganisations(db)
    .where('o.municipality_code', '=', municipalityCode)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function listOrganisations(
  db: Executor,
  municipalityCode: string,
  filter: { kind?: OrganisationKind; q?: string },
): Promise<OrganisationRow[]> {
  return selectOrganisations(db)
    .where('o.municipality_code', '=', municipalityCode)
    .$if(Boolean(filter.kind), (q) => q.where('o.kind', '=', filter.kind as OrganisationKind))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) =>
        eb.or([
          eb('o.name', 'like', `%${escapeLike(filter.q as string)}%`),
          eb('o.name_kana', 'like', `%${escapeLike(filter.q as string)}%`),
        ]),
      ),
    )
    .orderBy('o.kind')
    .orderBy('o.name')
    .execute();
}

/** Members or open invitations keep an organisation from being deleted. */
export async function isOrganisationInUse(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('memberships').select('id').where('organisation_id', '=', id)).as('members'),
      eb
        .exists(eb.selectFrom('invitations').select('id').where('organisation_id', '=', id))
        .as('invitations'),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.members) || Boolean(row.invitations);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The directory facilities linked (`organisations.facility_id`) to the given organisations of the
 * municipality: what their facility_editors may edit. The directory asks through accounts' index.ts.
 */
export async function listLinkedFacilityIds(
  db: Executor,
  municipalityCode: string,
  organisationIds: readonly string[],
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisations')
    .select('facility_id')
    .distinct()
    .where('id', 'in', organisationIds)
    .where('municipality_code', '=', municipalityCode)
    .where('facility_id', 'is not', null)
    .$narrowType<{ facility_id: string }>()
    .execute();
  return rows.map((row) => row.facility_id);
}

export async function insertOrganisation(
  db: Executor,
  values: Insertable<OrganisationTable>,
): Promise<string> {
  const row = await db.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisationRow(
  db: Executor,
  id: string,
  values: Updateable<OrganisationTable>,
): Promise<void> {
  await db.updateTable('organisations').set(values).where('id', '=', id).execute();
}

export async function deleteOrganisationRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('organisations').where('id', '=', id).execute();
}

/** The municipality's oldest organisation of a kind (the ward section create-admin joins). */
export async function findFirstOrganisationOfKind(
  db: Executor,
  municipalityCode: string,
  kind: OrganisationKind,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
