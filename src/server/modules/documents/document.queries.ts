import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import { keysetPage, type TimePosition } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import type { DocumentReceiptTable, DocumentTable, DocumentVersionTable } from './document.table';

export type DocumentRow = Selectable<DocumentTable>;
export type VersionRow = Selectable<DocumentVersionTable>;
export type ReceiptRow = Selectable<DocumentReceiptTable>;

export function insertDocument(trx: Transaction<Database>, values: Insertable<DocumentTable>) {
  return trx.insertInto('documents').values(values).returningAll().executeTakeFirstOrThrow();
}

export function insertVersion(trx: Transaction<Database>, values: Insertable<DocumentVersionTable>) {
  return trx.insertInto('document_versions').values(values).execute();
}

/** One document of the municipality; `lock` takes the row lock a write needs (one of two racing writes waits). */
export function findDocument(executor: Executor, municipalityCode: string, id: string, lock = false) {
  let query = executor
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('municipality_code', '=', municipalityCode);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateDocument(trx: Transaction<Database>, id: string, values: Updateable<DocumentTable>) {
  return trx
    .updateTable('documents')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findVersion(executor: Executor, documentId: string, version: number) {
  return executor
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The history without the content (the page lists it; a version is opened on its own). */
export function listVersions(executor: Executor, documentId: string) {
  return executor
    .selectFrom('document_versions')
    .select(['version', 'status', 'saved_at', 'saved_by_label'])
    .where('document_id', '=', documentId)
    .orderBy('version', 'desc')
    .execute();
}

/**
 * A patient's documents, newest change first: finals for everyone in the circle, drafts and
 * withdrawn ones only for the author's organisations (`ownOrganisationIds`).
 */
export function listDocumentsOfPatient(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
  ownOrganisationIds: string[],
  page: { after?: TimePosition; limit: number; caseId?: string },
) {
  return documentsOfPatientQuery(executor, municipalityCode, patientId, ownOrganisationIds, page).execute();
}

/** A patient's documents the caller may see, newest first, as a query (the patient page embeds it). */
export function documentsOfPatientQuery(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
  ownOrganisationIds: string[],
  page: { after?: TimePosition; limit: number; caseId?: string },
) {
  const caseId = page.caseId;
  return executor
    .selectFrom('documents')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('patient_id', '=', patientId)
    .where((eb) =>
      ownOrganisationIds.length > 0
        ? eb.or([eb('status', '=', 'final'), eb('author_organisation_id', 'in', ownOrganisationIds)])
        : eb('status', '=', 'final'),
    )
    .$if(caseId !== undefined, (q) => q.where('case_id', '=', String(caseId)))
    .$call((q) => keysetPage(q, ['updated_at', 'id'], 'desc', page.after))
    .limit(page.limit);
}

/**
 * documentsOfPatientQuery with what a summary shows besides the row: the author organisation's
 * name and how many read the latest version (the patient page's statement embeds it).
 */
export function documentSummariesOfPatientQuery(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
  ownOrganisationIds: string[],
  limit: number,
) {
  return documentsOfPatientQuery(executor, municipalityCode, patientId, ownOrganisationIds, { limit }).select(
    (eb) => [
      eb
        .selectFrom('organisations as o')
        .select('o.name')
        .whereRef('o.id', '=', 'documents.author_organisation_id')
        .as('author_organisation_name'),
      eb
        .selectFrom('document_receipts as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.document_id', '=', 'documents.id')
        .whereRef('r.version', '=', 'documents.version')
        .as('read_count'),
    ],
  );
}

/** Records a reading; the first reading of a version by a user is the one that counts. */
export function insertReceipt(executor: Executor, values: Insertable<DocumentReceiptTable>) {
  return executor
    .insertInto('document_receipts')
    .values(values)
    .onConflict((oc) => oc.columns(['document_id', 'version', 'reader_user_id']).doNothing())
    .execute();
}

export function listReceipts(executor: Executor, documentId: string) {
  return executor
    .selectFrom('document_receipts')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('read_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Readers per document of the given (document, version) pairs: the list's read count. */
export async function countReaders(executor: Executor, pairs: Array<{ id: string; version: number }>) {
  if (pairs.length === 0) return new Map<string, number>();
  const rows = await executor
    .selectFrom('document_receipts')
    .select(['document_id', 'version', (eb) => eb.fn.countAll<string>().as('readers')])
    .where(
      'document_id',
      'in',
      pairs.map((p) => p.id),
    )
    .groupBy(['document_id', 'version'])
    .execute();
  const wanted = new Map(pairs.map((p) => [p.id, p.version]));
  const counts = new Map<string, number>();
  for (const r of rows)
    if (wanted.get(r.document_id) === r.version) counts.set(r.document_id, Number(r.readers));
  return counts;
}

/** Names of organisations, for the author and the receipts. */
export async function organisationNames(executor: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A merge of duplicate patient records: the duplicate's documents belong to the record that stays.
 * `updated_at` is left alone — the document itself did not change, and its list position should not.
 */
export function moveDocumentsToPatient(
  trx: Transaction<Database>,
  fromPatientId: string,
  intoPatientId: string,
) {
  return trx
    .updateTable('documents')
    .set({ patient_id: intoPatientId })
    .where('patient_id', '=', fromPatientId)
    .execute();
}
