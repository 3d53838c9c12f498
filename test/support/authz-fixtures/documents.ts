import '../../../src/server/modules/documents/document.table';
import { createOrganisation } from '../factories/accounts';
import { createTestPatient } from '../factories/patients';
import type { AuthzFixture } from './types';

/** A real final 看護サマリー of 目黒区, so the other-municipality cell proves a 404 for an existing document. */
const finalDocument: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  const patientId = await createTestPatient(db, { municipalityCode, districtCode: null });
  const organisation = await createOrganisation(db, { municipalityCode, kind: 'hospital' });
  const document = await db
    .insertInto('documents')
    .values({
      municipality_code: municipalityCode,
      patient_id: patientId,
      case_id: null,
      provider_change_id: null,
      kind: 'nursing_summary',
      status: 'final',
      version: 1,
      title: '看護サマリー',
      author_organisation_id: organisation.id,
      created_by: organisation.id,
      finalised_at: new Date(),
      withdrawn_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('document_versions')
    .values({
      document_id: document.id,
      version: 1,
      status: 'final',
      title: '看護サマリー',
      content: '{}',
      saved_by: organisation.id,
      saved_by_label: 'テスト',
    })
    .execute();
  return { id: document.id };
};

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/documents/:id', build: finalDocument },
  { route: 'GET /api/documents/:id/fhir', build: finalDocument },
];
