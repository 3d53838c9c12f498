import type { Transaction } from 'kysely';
import type { DocumentDetail, DocumentListQuery, DocumentSummary } from '../../../contracts/documents';
import type { Page } from '../../../contracts/page';
import { recordListAccess } from '../../platform/access-log/access-log.service';
import type { Actor, RequestContext } from '../../platform/context';
import { decodeTimeCursor, toPage } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { findFacilityRecord } from '../directory';
import { findCaseHeading } from '../discharge';
import { assertPatientAccess, type PatientRow, type PatientSection } from '../patients';
import { documentPartyOf, maySee } from './document.policy';
import { presentDetail, presentSummary } from './document.presenter';
import {
  countReaders,
  type DocumentRow,
  documentSummariesOfPatientQuery,
  findDocument,
  findVersion,
  insertReceipt,
  listDocumentsOfPatient,
  listReceipts,
  listVersions,
  organisationNames,
} from './document.queries';
import { buildDocumentBundle, type FhirBundle } from './document-fhir';
import { findOrganisationFacilityId } from './document-fhir.queries';
import { documentWorkflow } from './document-status';

type Deps = Pick<ModuleDeps, 'db'>;

const PATIENT_PAGE_DOCUMENTS = 50;

async function presentSummaries(
  executor: Executor,
  actor: Actor,
  rows: DocumentRow[],
): Promise<DocumentSummary[]> {
  const names = await organisationNames(executor, [...new Set(rows.map((r) => r.author_organisation_id))]);
  const mine = rows.filter((r) => documentPartyOf(actor, r) === 'author');
  const readers = await countReaders(
    executor,
    mine.map((r) => ({ id: r.id, version: r.version })),
  );
  return rows.map((r) =>
    presentSummary(r, {
      organisationName: names.get(r.author_organisation_id) ?? '',
      mine: documentPartyOf(actor, r) === 'author',
      readCount: readers.get(r.id) ?? 0,
    }),
  );
}

/** A patient's documents the caller may see (finals; drafts of their own organisation). Throws patients.not_found. */
export async function listDocuments(
  deps: Deps,
  ctx: RequestContext,
  query: DocumentListQuery,
): Promise<Page<DocumentSummary>> {
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const patient = await assertPatientAccess(trx, ctx, query.patientId, 'read', {
      recordType: 'document_list',
    });
    return listOfPatient(trx, ctx, actor, patient, query);
  });
}

async function listOfPatient(
  executor: Executor,
  ctx: RequestContext,
  actor: Actor,
  patient: PatientRow,
  query: Pick<DocumentListQuery, 'cursor' | 'limit' | 'caseId'>,
) {
  const rows = await listDocumentsOfPatient(
    executor,
    patient.municipality_code,
    patient.id,
    actor.memberships.map((m) => m.organisationId),
    { after: decodeTimeCursor(query.cursor), limit: query.limit + 1, caseId: query.caseId },
  );
  const items = await presentSummaries(executor, actor, rows);
  const byId = new Map(items.map((i) => [i.id, i]));
  const page = toPage(
    rows,
    query,
    (r) => ({ sort: r.updated_at, id: r.id }),
    (r) => byId.get(r.id) as DocumentSummary,
  );
  await recordListAccess(executor, ctx, page.items, (d) => ({
    patientId: patient.id,
    recordType: 'document',
    recordId: d.id,
  }));
  return page;
}

/**
 * The patient page's `documents` section: the newest 50 the caller may see (the page reads them in
 * its own statement, after its access check, and logs each one).
 */
export const documentsSection: PatientSection<
  DocumentRow & { author_organisation_name: string | null; read_count: number }
> = {
  recordType: 'document',
  rows: (executor, ctx, patient) =>
    documentSummariesOfPatientQuery(
      executor,
      patient.municipalityCode,
      patient.id,
      (ctx.actor?.memberships ?? []).map((m) => m.organisationId),
      PATIENT_PAGE_DOCUMENTS,
    ),
  present: async (_executor, ctx, _patient, rows): Promise<DocumentSummary[]> => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required');
    return rows.map((r) => {
      const mine = documentPartyOf(actor, r) === 'author';
      return presentSummary(r, {
        organisationName: r.author_organisation_name ?? '',
        mine,
        readCount: mine ? r.read_count : 0,
      });
    });
  },
};

/**
 * Loads a document the caller may see, with its patient; the access is logged as `purpose` (a read,
 * or the export that sends it out). Throws not_found, patients.not_found.
 */
async function loadVisible(
  trx: Transaction<Database>,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  purpose: 'read' | 'export' = 'read',
) {
  const row = await findDocument(trx, actor.municipalityCode, id);
  if (!row) throw new AppError('not_found');
  const patient = await assertPatientAccess(trx, ctx, row.patient_id, purpose, {
    recordType: 'document',
    recordId: id,
  });
  const party = documentPartyOf(actor, row);
  if (!maySee(party, row.status)) throw new AppError('not_found');
  return { row, patient, party };
}

/**
 * One document at its latest version (or `version`, from the history). A reader outside the
 * author's organisation leaves a read receipt on the final version it opened. Throws not_found.
 */
export async function getDocument(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  version?: number,
): Promise<DocumentDetail> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const { row, patient, party } = await loadVisible(trx, ctx, actor, id);
    const shown = await findVersion(trx, row.id, version ?? row.version);
    if (!shown || (party === 'reader' && shown.status !== 'final')) throw new AppError('not_found');
    if (party === 'reader') {
      const organisation = actor.memberships[0]?.organisationId ?? null;
      const names = await organisationNames(trx, organisation ? [organisation] : []);
      await insertReceipt(trx, {
        municipality_code: row.municipality_code,
        document_id: row.id,
        version: shown.version,
        reader_user_id: actor.userId,
        reader_label: actor.displayName,
        reader_organisation_id: organisation,
        reader_organisation_label: organisation ? (names.get(organisation) ?? null) : null,
        read_at: now,
      });
    }
    const [summary] = await presentSummaries(trx, actor, [row]);
    // the case page answers whoever reaches the patient, as this document did: its link is shown
    // when the case is the same patient's (a merge moves both; anything else is not shown)
    const heading = row.case_id ? await findCaseHeading(trx, row.municipality_code, row.case_id) : undefined;
    const dischargeCase =
      heading && row.case_id && heading.patientId === row.patient_id
        ? { id: row.case_id, hospitalName: heading.hospitalName, admittedOn: heading.admittedOn }
        : null;
    return presentDetail(summary as DocumentSummary, {
      dischargeCase,
      patient,
      shown,
      versions: await listVersions(trx, row.id),
      receipts: party === 'author' ? await listReceipts(trx, row.id) : null,
      actions: documentWorkflow.eventsFrom(row.status, party),
    });
  });
}

/**
 * The latest version as a FHIR R4 document Bundle (JP-CLINS shape for 紹介状 and 退院時サマリー;
 * docs/fhir.md), access-logged as one `export` of the document. Throws not_found,
 * documents.not_final (a draft or a withdrawn document).
 */
export async function exportDocumentFhir(deps: Deps, ctx: RequestContext, id: string): Promise<FhirBundle> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const { row, patient } = await loadVisible(trx, ctx, actor, id, 'export');
    if (row.status !== 'final') throw new AppError('documents.not_final');
    const version = await findVersion(trx, row.id, row.version);
    if (!version) throw new AppError('not_found');
    const names = await organisationNames(trx, [row.author_organisation_id]);
    // the author's directory entry gives the Organization its 医療機関コード, address and phone
    const facilityId = await findOrganisationFacilityId(trx, row.author_organisation_id);
    const facility = facilityId ? await findFacilityRecord(trx, facilityId) : undefined;
    return buildDocumentBundle({
      document: {
        id: row.id,
        kind: row.kind,
        title: version.title,
        version: version.version,
        municipalityCode: row.municipality_code,
        caseId: row.case_id,
      },
      content: version.content,
      savedAt: version.saved_at,
      patient: {
        id: patient.id,
        name: patient.name,
        nameKana: patient.name_kana,
        birthDate: patient.birth_date,
        sex: patient.sex,
        addressTown: patient.address_town,
        addressDetail: patient.address_detail,
      },
      author: { userId: version.saved_by, name: version.saved_by_label },
      organisation: {
        id: row.author_organisation_id,
        name: names.get(row.author_organisation_id) ?? '',
        medicalInstitutionCode: facility?.medical_institution_code ?? null,
        address: facility
          ? [
              facility.address_prefecture,
              facility.address_city,
              facility.address_town,
              facility.address_block,
              facility.address_building,
            ]
              .filter(Boolean)
              .join('')
          : null,
        phone: facility?.phone ?? null,
      },
      now,
    });
  });
}
