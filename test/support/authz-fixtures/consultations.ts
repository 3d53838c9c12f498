import { createOrganisation } from '../factories/accounts';
import type { AuthzFixture } from './types';
import '../../../src/server/modules/consultations/consultation.table';

/** A real consultation of a 目黒区 window: nobody of another municipality may reach it. */
const consultation: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  const window = await createOrganisation(db, { municipalityCode, kind: 'community_support_center' });
  const at = new Date();
  const row = await db
    .insertInto('consultations')
    .values({
      municipality_code: municipalityCode,
      organisation_id: window.id,
      subject_name: null,
      subject_kana: null,
      district_code: null,
      patient_id: null,
      gap_flags: [],
      routed_to: null,
      routed_note: null,
      opened_by: null,
      opened_by_label: '権限表テスト',
      first_contact_at: at,
      last_contact_at: at,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
};

const contact = {
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  channel: 'phone',
  consulter: 'family',
  topics: ['other'],
  responses: ['information'],
  summary: '権限表テスト',
};

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/consultations/:id', build: consultation },
  { route: 'POST /api/consultations/:id/contacts', build: consultation, body: contact },
  { route: 'POST /api/consultations/:id/transitions', build: consultation, body: { event: 'close' } },
  { route: 'PUT /api/consultations/:id/flags', build: consultation, body: { flags: [], routedTo: null } },
];
