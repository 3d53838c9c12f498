import { addTestMember, createTestPatient } from '../factories/patients';
import type { AuthzFixture } from './types';

/**
 * A real patient of 目黒区, so the other-municipality cell proves a 404 for an existing patient
 * (home users outside its circle get 404 too: the matrix accepts that for allowed roles).
 */
const patient: AuthzFixture['build'] = async ({ db, municipalityCode }) => ({
  id: await createTestPatient(db, { municipalityCode, districtCode: null }),
});

/** A patient with one family member in the circle, for the routes that end a membership. */
const member: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  const id = await createTestPatient(db, { municipalityCode, districtCode: null });
  return { id, memberId: await addTestMember(db, id, { role: 'key_person', municipalityCode }) };
};

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/patients/:id', build: patient },
  { route: 'GET /api/patients/:id/circle', build: patient },
  {
    route: 'POST /api/patients/:id/circle',
    build: patient,
    body: { role: 'key_person', personName: '権限表 テスト' },
  },
  { route: 'POST /api/patients/:id/circle/:memberId/end', build: member, body: { reason: '権限表のテスト' } },
  // A ward admin of 目黒区 may open the record (that is what break-glass is for); one of 札幌市 may not.
  {
    route: 'POST /api/patients/:id/break-glass',
    build: patient,
    body: { reason: '権限表のテストで記録を開きます' },
  },
];
