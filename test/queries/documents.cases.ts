import * as documentQueries from '../../src/server/modules/documents/document.queries';
import * as figureQueries from '../../src/server/modules/documents/document-figures.queries';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const {
  countReaders,
  documentSummariesOfPatientQuery,
  documentsOfPatientQuery,
  findDocument,
  findVersion,
  insertDocument,
  insertReceipt,
  insertVersion,
  listDocumentsOfPatient,
  listReceipts,
  listVersions,
  moveDocumentsToPatient,
  organisationNames,
  updateDocument,
} = documentQueries;

export const documentsSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/documents/document.queries.ts',
    exports: documentQueries,
    cases: [
      {
        name: 'insertDocument',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertDocument(trx, {
              municipality_code: MEGURO,
              patient_id: ids.patient,
              case_id: ids.case,
              provider_change_id: null,
              kind: 'nursing_summary',
              title: '看護サマリー',
              author_organisation_id: ids.hospital,
              created_by: ids.user,
              created_at: NOW,
              updated_at: NOW,
              finalised_at: null,
              withdrawn_reason: null,
            }),
          ),
      },
      {
        name: 'insertVersion',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertVersion(trx, {
              document_id: ids.document,
              version: 1,
              status: 'draft',
              title: '看護サマリー',
              content: JSON.stringify({ sections: [] }),
              saved_by: ids.user,
              saved_by_label: '退院支援看護師',
              saved_at: NOW,
            }),
          ),
      },
      { name: 'findDocument', run: (db) => findDocument(db, MEGURO, ids.document) },
      {
        name: 'findDocument (locked for a write)',
        run: (db) => findDocument(db, MEGURO, ids.document, true),
      },
      {
        name: 'updateDocument',
        run: (db) =>
          db
            .transaction()
            .execute((trx) =>
              updateDocument(trx, ids.document, { status: 'final', finalised_at: NOW, updated_at: NOW }),
            ),
      },
      { name: 'findVersion', run: (db) => findVersion(db, ids.document, 2) },
      { name: 'listVersions', run: (db) => listVersions(db, ids.document) },
      {
        name: 'listDocumentsOfPatient (first page, own drafts)',
        run: (db) => listDocumentsOfPatient(db, MEGURO, ids.patient, [ids.hospital], { limit: 51 }),
      },
      {
        name: 'listDocumentsOfPatient (finals only, one case, after a keyset position)',
        run: (db) =>
          listDocumentsOfPatient(db, MEGURO, ids.patient, [], {
            after: { sort: NOW, id: ids.document },
            limit: 51,
            caseId: ids.case,
          }),
      },
      {
        name: 'documentsOfPatientQuery (first page, own drafts)',
        run: (db) =>
          documentsOfPatientQuery(db, MEGURO, ids.patient, [ids.hospital], { limit: 51 }).execute(),
      },
      {
        name: 'documentSummariesOfPatientQuery (with author name and readers)',
        run: (db) => documentSummariesOfPatientQuery(db, MEGURO, ids.patient, [ids.hospital], 6).execute(),
      },
      {
        name: 'insertReceipt',
        run: (db) =>
          insertReceipt(db, {
            municipality_code: MEGURO,
            document_id: ids.document,
            version: 1,
            reader_user_id: ids.otherUser,
            reader_label: '在宅 医師',
            reader_organisation_id: ids.organisation,
            reader_organisation_label: '目黒在宅クリニック',
            read_at: NOW,
          }),
      },
      { name: 'listReceipts', run: (db) => listReceipts(db, ids.document) },
      {
        name: 'countReaders',
        run: (db) => countReaders(db, [{ id: ids.document, version: 2 }]),
      },
      { name: 'organisationNames', run: (db) => organisationNames(db, [ids.hospital, ids.organisation]) },
      {
        name: 'moveDocumentsToPatient',
        run: (db) =>
          db.transaction().execute((trx) => moveDocumentsToPatient(trx, ids.otherPatient, ids.patient)),
      },
    ],
  },
  {
    source: 'src/server/modules/documents/document-figures.queries.ts',
    exports: figureQueries,
    cases: [
      {
        name: 'firstReferralLetters',
        run: (db) => figureQueries.firstReferralLetters(db, MEGURO, NOW),
      },
      {
        name: 'nursingSummaryReads',
        run: (db) =>
          figureQueries.nursingSummaryReads(db, {
            municipalityCode: MEGURO,
            from: new Date('2026-04-01T00:00:00Z'),
            to: new Date('2027-04-01T00:00:00Z'),
          }),
      },
    ],
  },
];
