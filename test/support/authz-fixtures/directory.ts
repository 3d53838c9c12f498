import { installGeography, loadMeguroGeography } from '../../../src/server/demo/directory/meguro-geography';
import { createTestFacility } from '../factories/directory';
import type { AuthzFixture } from './types';
import '../../../src/server/modules/directory/review.table';

/**
 * Real directory resources for the matrix. Only routes whose allowed roles may act on any record
 * of their municipality get one: a facility_editor is refused (403) on a facility that is not its
 * own, and write routes validate their body before looking the record up.
 */
const changeRequest: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  await installGeography(db, loadMeguroGeography(), municipalityCode);
  const facility = await createTestFacility(db, { municipalityCode, name: '権限表テスト診療所' });
  const row = await db
    .insertInto('facility_change_requests')
    .values({
      municipality_code: municipalityCode,
      facility_id: facility.id,
      source: 'resident_report',
      report_category: 'other',
      report_message: '権限表のテスト',
      changes: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
};

const publicFacility: AuthzFixture['build'] = async ({ db, municipalityCode }) => ({
  id: (await createTestFacility(db, { municipalityCode, name: '権限表テスト公開施設' })).id,
});

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/directory/change-requests/:id', build: changeRequest },
  { route: 'GET /api/public/facilities/:id', build: publicFacility },
];
