import type { ExpressionBuilder, Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { ProviderChangeStatus } from '../../../contracts/discharge';
import { keysetPage, type TimePosition } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import { type PatientScope, visiblePatientFilter } from '../patients';
import type { DischargeCaseTable } from './discharge-case.table';
import { activeCaseStates } from './discharge-case-status';

export type CaseRow = Selectable<DischargeCaseTable>;

export async function findEscalationDays(
  executor: Executor,
  municipalityCode: string,
): Promise<number | undefined> {
  const row = await executor
    .selectFrom('discharge_settings')
    .select('escalation_business_days')
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return row?.escalation_business_days;
}

export function listChecklistTemplate(executor: Executor, municipalityCode: string) {
  return executor
    .selectFrom('discharge_checklist_templates')
    .select(['position', 'label'])
    .where('municipality_code', '=', municipalityCode)
    .where('active', '=', true)
    .orderBy('position')
    .execute();
}

export async function insertChecklistTemplate(
  executor: Executor,
  municipalityCode: string,
  labels: readonly string[],
) {
  await executor
    .insertInto('discharge_checklist_templates')
    .values(labels.map((label, i) => ({ municipality_code: municipalityCode, position: i + 1, label })))
    .onConflict((oc) => oc.columns(['municipality_code', 'position']).doNothing())
    .execute();
}

export function insertCase(trx: Transaction<Database>, values: Insertable<DischargeCaseTable>) {
  return trx.insertInto('discharge_cases').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertCaseItems(
  trx: Transaction<Database>,
  row: CaseRow,
  items: Array<{ position: number; label: string }>,
) {
  if (items.length === 0) return;
  await trx
    .insertInto('discharge_case_items')
    .values(items.map((i) => ({ ...i, case_id: row.id, municipality_code: row.municipality_code })))
    .execute();
}

export function findCase(executor: Executor, municipalityCode: string, caseId: string, lock = false) {
  let query = executor
    .selectFrom('discharge_cases')
    .selectAll()
    .where('id', '=', caseId)
    .where('municipality_code', '=', municipalityCode);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateCase(
  trx: Transaction<Database>,
  caseId: string,
  values: Updateable<DischargeCaseTable>,
) {
  return trx
    .updateTable('discharge_cases')
    .set(values)
    .where('id', '=', caseId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A patient's cases, newest first, each with how many of its provider changes are still behind the
 * gate (`behindGate`, the open states) and escalated: a query for the patient page's statement.
 */
export function casesOfPatientQuery(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
  behindGate: readonly ProviderChangeStatus[],
) {
  const changesOfCase = (eb: ExpressionBuilder<Database, 'discharge_cases'>) =>
    eb
      .selectFrom('provider_changes as pc')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('pc.case_id', '=', 'discharge_cases.id')
      .whereRef('pc.patient_id', '=', 'discharge_cases.patient_id');
  return executor
    .selectFrom('discharge_cases')
    .selectAll('discharge_cases')
    .select((eb) => [
      changesOfCase(eb)
        .where('pc.status', 'in', [...behindGate])
        .as('open_changes'),
      changesOfCase(eb).where('pc.status', '=', 'escalated').as('escalations'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc');
}

export type CaseListFilter = {
  scope: PatientScope;
  now: Date;
  filter: 'all' | 'active' | 'escalated';
  /** The keyset position of the previous page's last case (`decodeTimeCursor`). */
  after?: TimePosition;
  /** Rows to fetch: the page's limit + 1 (`toPage` reads the extra row as "there is a next page"). */
  limit: number;
};

/** Cases of visible patients, newest first, keyset on (created_at, id). */
export async function listCaseRows(executor: Executor, f: CaseListFilter) {
  let query = executor
    .selectFrom('discharge_cases as c')
    .innerJoin('patients', 'patients.id', 'c.patient_id')
    .selectAll('c')
    .select('patients.name as patient_name')
    .select((eb) => [
      eb
        .selectFrom('provider_changes as pc')
        .whereRef('pc.case_id', '=', 'c.id')
        .where('pc.status', 'in', ['proposed', 'awaiting_consent', 'consented', 'incumbent_notified'])
        .select(eb.fn.countAll<string>().as('n'))
        .as('open_changes'),
      eb
        .selectFrom('provider_changes as pc')
        .whereRef('pc.case_id', '=', 'c.id')
        .where('pc.status', '=', 'escalated')
        .select(eb.fn.countAll<string>().as('n'))
        .as('escalations'),
    ])
    .where('c.municipality_code', '=', f.scope.municipalityCode)
    // never a case of a patient outside the caller's circles (the patients module's one filter)
    .where(visiblePatientFilter(f.scope, f.now));
  if (f.filter === 'active') query = query.where('c.status', 'in', [...activeCaseStates]);
  if (f.filter === 'escalated')
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('provider_changes as pc')
          .select('pc.id')
          .whereRef('pc.case_id', '=', 'c.id')
          .where('pc.status', '=', 'escalated'),
      ),
    );
  return keysetPage(query, ['c.created_at', 'c.id'], 'desc', f.after).limit(f.limit).execute();
}

export function listCaseItems(executor: Executor, caseId: string) {
  return executor
    .selectFrom('discharge_case_items')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
}

export function updateCaseItem(
  trx: Transaction<Database>,
  caseId: string,
  itemId: string,
  values: { done: boolean; note: string | null; done_by: string | null; done_at: Date | null },
) {
  return trx
    .updateTable('discharge_case_items')
    .set(values)
    .where('case_id', '=', caseId)
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirst();
}

export function listTasks(executor: Executor, caseId: string) {
  return executor
    .selectFrom('discharge_tasks')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function insertTask(trx: Transaction<Database>, values: Insertable<Database['discharge_tasks']>) {
  return trx.insertInto('discharge_tasks').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateTask(
  trx: Transaction<Database>,
  caseId: string,
  taskId: string,
  done: boolean,
  at: Date,
) {
  return trx
    .updateTable('discharge_tasks')
    .set({ done, done_at: done ? at : null })
    .where('case_id', '=', caseId)
    .where('id', '=', taskId)
    .returningAll()
    .executeTakeFirst();
}

export function listContacts(executor: Executor, caseId: string) {
  return executor
    .selectFrom('discharge_contacts')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .execute();
}

export function insertContact(
  trx: Transaction<Database>,
  values: Insertable<Database['discharge_contacts']>,
) {
  return trx.insertInto('discharge_contacts').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The organisation an actor acts for in a facility (the hospital's own account, if it has one). */
export async function findOrganisationOfFacility(
  executor: Executor,
  municipalityCode: string,
  facilityId: string,
) {
  return executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
}

export async function findFacilityName(executor: Executor, facilityId: string): Promise<string | undefined> {
  const row = await executor
    .selectFrom('facilities')
    .select('name')
    .where('id', '=', facilityId)
    .executeTakeFirst();
  return row?.name;
}

export async function findOrganisationName(
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
