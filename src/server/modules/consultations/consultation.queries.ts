import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { ConsultationStatus } from '../../../contracts/consultations';
import { keysetPage, type TimePosition } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import type { ConsultationContactTable, ConsultationTable } from './consultation.table';

export type ConsultationRow = Selectable<ConsultationTable>;
export type ContactRow = Selectable<ConsultationContactTable>;
export type ConsultationListRow = ConsultationRow & { contact_count: string | number };

/** Where a caller may look: their municipality and the windows (包括 centres) they staff. */
export type WindowScope = { municipalityCode: string; organisationIds: readonly string[] };

export function insertConsultation(trx: Transaction<Database>, values: Insertable<ConsultationTable>) {
  return trx.insertInto('consultations').values(values).returningAll().executeTakeFirstOrThrow();
}

export function insertConsultationContact(
  trx: Transaction<Database>,
  values: Insertable<ConsultationContactTable>,
) {
  return trx.insertInto('consultation_contacts').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One consultation of the caller's windows (undefined for any other: the caller gets a 404). */
export async function findConsultation(
  executor: Executor,
  scope: WindowScope,
  id: string,
  lock = false,
): Promise<ConsultationRow | undefined> {
  if (scope.organisationIds.length === 0) return undefined;
  let query = executor
    .selectFrom('consultations')
    .selectAll()
    .where('id', '=', id)
    .where('municipality_code', '=', scope.municipalityCode)
    .where('organisation_id', 'in', [...scope.organisationIds]);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateConsultation(
  trx: Transaction<Database>,
  id: string,
  values: Updateable<ConsultationTable>,
) {
  return trx
    .updateTable('consultations')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type ConsultationListFilter = {
  scope: WindowScope;
  status?: ConsultationStatus;
  /** The keyset position of the previous page's last row (`decodeTimeCursor`). */
  after?: TimePosition;
  /** Rows to fetch: the page's limit + 1 (`toPage` reads the extra row as "there is a next page"). */
  limit: number;
};

/**
 * The windows' consultations, newest contact first: keyset on (last_contact_at, id) (keysetPage's
 * row-value comparison (the index consultations_window_order holds that order per window), each
 * with its number of contacts.
 */
export async function listConsultationRows(
  executor: Executor,
  f: ConsultationListFilter,
): Promise<ConsultationListRow[]> {
  if (f.scope.organisationIds.length === 0) return [];
  let query = executor
    .selectFrom('consultations as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('consultation_contacts as k')
        .whereRef('k.consultation_id', '=', 'c.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('contact_count'),
    )
    .where('c.municipality_code', '=', f.scope.municipalityCode)
    .where('c.organisation_id', 'in', [...f.scope.organisationIds]);
  if (f.status) query = query.where('c.status', '=', f.status);
  const rows = await keysetPage(query, ['c.last_contact_at', 'c.id'], 'desc', f.after)
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ ...r, contact_count: r.contact_count ?? 0 }));
}

/**
 * A consultation's contacts, newest first; two in the same minute (the form's time has minutes)
 * in the order they were recorded, the later on top.
 */
export function listConsultationContacts(executor: Executor, consultationId: string) {
  return executor
    .selectFrom('consultation_contacts')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .orderBy('occurred_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The window's name as the page shows it (an accounts organisation). */
export async function findWindowName(
  executor: Executor,
  organisationId: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.name;
}

/** A ward admin's merge of duplicate patients: consultations linked to the record merged away follow the one kept. */
export async function moveConsultationsToPatient(trx: Transaction<Database>, fromId: string, intoId: string) {
  await trx
    .updateTable('consultations')
    .set({ patient_id: intoId })
    .where('patient_id', '=', fromId)
    .execute();
}
