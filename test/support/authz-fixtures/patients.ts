import { createTestPatient } from '../factories/patients';
import type { AuthzFixture } from './types';

/**
 * A real patient of 目黒区, so the other-municipality cell proves a 404 for an existing patient
 * (home users outside its circle get 404 too: the matrix accepts that for allowed roles).
 */
const patient: AuthzFixture['build'] = async ({ db, municipalityCode }) => ({
  id: await createTestPatient(db, { municipalityCode, districtCode: null }),
});

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/patients/:id', build: patient },
  { route: 'GET /api/patients/:id/circle', build: patient },
];
