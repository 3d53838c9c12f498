import type { Insertable, Transaction, Updateable } from 'kysely';
import { keysetPage, type TextPosition } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import type { PatientTable } from './patient.table';
import type { PatientScope } from './patient-access.policy';
import { visiblePatientFilter } from './patient-access.queries';

const summaryColumns = [
  'patients.id',
  'patients.name',
  'patients.name_kana',
  'patients.kana_key',
  'patients.birth_date',
  'patients.sex',
  'patients.address_town',
  'patients.care_level',
  'patients.fictional',
  'patients.updated_at',
] as const;

/** The caller's visible patients in kana order, after a keyset position; `limit` rows. */
export function listVisiblePatients(
  executor: Executor,
  scope: PatientScope,
  now: Date,
  options: { kanaKey?: string; after?: TextPosition; limit: number },
) {
  const { kanaKey, after, limit } = options;
  return executor
    .selectFrom('patients')
    .select(summaryColumns)
    .where(visiblePatientFilter(scope, now))
    .$if(Boolean(kanaKey), (q) => q.where('patients.kana_key', 'like', `%${escapeLike(kanaKey ?? '')}%`))
    .$call((q) => keysetPage(q, ['patients.kana_key', 'patients.id'], 'asc', after))
    .limit(limit)
    .execute();
}

/** How many patients the caller can see (the same rule as the list: no count reveals more). */
export async function countVisiblePatients(
  executor: Executor,
  scope: PatientScope,
  now: Date,
): Promise<number> {
  const row = await executor
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(visiblePatientFilter(scope, now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function insertPatient(executor: Executor, row: Insertable<PatientTable>) {
  return executor.insertInto('patients').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updatePatientRow(executor: Executor, id: string, set: Updateable<PatientTable>) {
  return executor
    .updateTable('patients')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Other active patients with the same kana key and birth date in the municipality. */
export async function countSameKanaAndBirthDate(
  executor: Executor,
  municipalityCode: string,
  kanaKey: string,
  birthDate: string,
  exceptId: string,
): Promise<number> {
  const row = await executor
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_code', '=', municipalityCode)
    .where('kana_key', '=', kanaKey)
    .where('birth_date', '=', birthDate)
    .where('status', '=', 'active')
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Groups of active patients sharing kana key and birth date (the ward admin's merge list). */
export async function listDuplicateGroups(executor: Executor, municipalityCode: string, limit: number) {
  return executor
    .selectFrom('patients')
    .select((eb) => [
      'kana_key',
      eb.cast<string>('birth_date', 'text').as('birth_date'),
      eb.fn
        .agg<string[]>('array_agg', [eb.cast('id', 'text')])
        .orderBy('created_at')
        .as('ids'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('status', '=', 'active')
    .groupBy(['kana_key', 'birth_date'])
    .having((eb) => eb(eb.fn.countAll(), '>', eb.lit(1)))
    .orderBy('kana_key')
    .orderBy('birth_date')
    .limit(limit)
    .execute();
}

export function findPatientsByIds(executor: Executor, municipalityCode: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return executor
    .selectFrom('patients')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', ids)
    .execute();
}

export function lockPatients(trx: Transaction<Database>, municipalityCode: string, ids: string[]) {
  return trx
    .selectFrom('patients')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function findActivePatient(executor: Executor, municipalityCode: string, id: string) {
  return executor
    .selectFrom('patients')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
}
