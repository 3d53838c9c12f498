import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database, Executor } from '../../platform/db/schema';
import type {
  ProviderChangeConsentTable,
  ProviderChangeResponseTable,
  ProviderChangeTable,
} from './provider-change.table';

export type ChangeRow = Selectable<ProviderChangeTable>;
export type ConsentRow = Selectable<ProviderChangeConsentTable>;
export type ResponseRow = Selectable<ProviderChangeResponseTable>;

export function insertChange(trx: Transaction<Database>, values: Insertable<ProviderChangeTable>) {
  return trx.insertInto('provider_changes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One change of the municipality; `lock` takes the row lock a workflow step needs (one wins). */
export function findChange(executor: Executor, municipalityCode: string, changeId: string, lock = false) {
  let query = executor
    .selectFrom('provider_changes')
    .selectAll()
    .where('id', '=', changeId)
    .where('municipality_code', '=', municipalityCode);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateChange(
  trx: Transaction<Database>,
  changeId: string,
  values: Updateable<ProviderChangeTable>,
) {
  return trx
    .updateTable('provider_changes')
    .set(values)
    .where('id', '=', changeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A patient's provider changes, newest first, each with its consent and its incumbent's latest
 * answer (what presentChange shows): a query for the patient page's statement.
 */
export function changesOfPatientQuery(executor: Executor, municipalityCode: string, patientId: string) {
  return executor
    .selectFrom('provider_changes')
    .selectAll('provider_changes')
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('provider_change_consents as k')
          .selectAll('k')
          .whereRef('k.change_id', '=', 'provider_changes.id'),
      ).as('consent'),
      jsonObjectFrom(
        eb
          .selectFrom('provider_change_responses as a')
          .selectAll('a')
          .whereRef('a.change_id', '=', 'provider_changes.id')
          .orderBy('a.responded_at', 'desc')
          .limit(1),
      ).as('latest_response'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}

export function listChangesOfCase(executor: Executor, caseId: string) {
  return executor
    .selectFrom('provider_changes')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export function listConsents(executor: Executor, changeIds: string[]) {
  if (changeIds.length === 0) return Promise.resolve([]);
  return executor
    .selectFrom('provider_change_consents')
    .selectAll()
    .where('change_id', 'in', changeIds)
    .execute();
}

/** The latest answer of each change's incumbent. */
export async function listLatestResponses(executor: Executor, changeIds: string[]) {
  if (changeIds.length === 0) return [];
  return executor
    .selectFrom('provider_change_responses')
    .selectAll()
    .where('change_id', 'in', changeIds)
    .orderBy('change_id')
    .orderBy('responded_at', 'desc')
    .distinctOn('change_id')
    .execute();
}

export function insertConsent(trx: Transaction<Database>, values: Insertable<ProviderChangeConsentTable>) {
  return trx.insertInto('provider_change_consents').values(values).execute();
}

export function insertResponse(trx: Transaction<Database>, values: Insertable<ProviderChangeResponseTable>) {
  return trx.insertInto('provider_change_responses').values(values).execute();
}

export function insertOverride(
  trx: Transaction<Database>,
  values: Insertable<Database['provider_change_overrides']>,
) {
  return trx.insertInto('provider_change_overrides').values(values).execute();
}

/** Changes whose incumbent stayed silent past the deadline (the escalation sweep), oldest first. */
export function listDueChanges(executor: Executor, now: Date, limit: number) {
  return executor
    .selectFrom('provider_changes')
    .select(['id', 'municipality_code'])
    .where('status', '=', 'incumbent_notified')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/**
 * An active coordinating user of the municipality (the override's second user), found by email;
 * reads the accounts tables through the shared schema, never their code.
 */
export function findCoordinatorByEmail(executor: Executor, municipalityCode: string, email: string) {
  return executor
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.municipality_code', '=', municipalityCode)
    .where('u.status', '=', 'active')
    .where((eb) => eb.fn('lower', ['u.email']), '=', email.toLowerCase())
    .where('m.role', 'in', ['hospital_staff', 'center_staff'])
    .executeTakeFirst();
}
