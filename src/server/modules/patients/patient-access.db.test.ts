import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import {
  createMunicipality,
  createOrganisation,
  createUser,
  MUNICIPALITIES,
} from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp } from '../../../../test/support/test-app';
import type { CircleHistory, PatientCreated, PatientDetail, PatientList } from '../../../contracts/patients';
import type { OrganisationKind } from '../../../contracts/roles';

const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);

const meguro = await createMeguro(t.db);
const sapporo = await createMunicipality(t.db, MUNICIPALITIES.sapporo);

const clinicBFacility = (await createTestFacility(t.db, { type: 'clinic', name: 'Bクリニック' })).id;
const clinicCFacility = (await createTestFacility(t.db, { type: 'clinic', name: 'Cクリニック' })).id;
const centreNorthFacility = (
  await createTestFacility(t.db, {
    type: 'community_support_center',
    name: '北部包括',
    addressBlock: { prefecture: '東京都', city: '目黒区', town: '駒場一丁目', block: '1', building: null },
  })
).id;
const centreEastFacility = (
  await createTestFacility(t.db, {
    type: 'community_support_center',
    name: '東部包括',
    addressBlock: { prefecture: '東京都', city: '目黒区', town: '中目黒一丁目', block: '1', building: null },
  })
).id;

const org = async (kind: OrganisationKind, facilityId: string | null = null) =>
  (await createOrganisation(t.db, { municipalityCode: meguro, kind, facilityId })).id;
const hospitalOrg = await org('hospital');
const clinicBOrg = await org('clinic', clinicBFacility);
const clinicCOrg = await org('clinic', clinicCFacility);
const centreNorthOrg = await org('community_support_center', centreNorthFacility);
const centreEastOrg = await org('community_support_center', centreEastFacility);
const careOrg = await org('care_management_office');

const hospital = await createUser(t.db, {
  role: 'hospital_staff',
  organisationId: hospitalOrg,
  municipalityCode: meguro,
});
const doctorB = await createUser(t.db, {
  role: 'clinician',
  organisationId: clinicBOrg,
  municipalityCode: meguro,
});
const editorB = await createUser(t.db, {
  role: 'facility_editor',
  organisationId: clinicBOrg,
  municipalityCode: meguro,
});
const doctorC = await createUser(t.db, {
  role: 'clinician',
  organisationId: clinicCOrg,
  municipalityCode: meguro,
});
const centreNorth = await createUser(t.db, {
  role: 'center_staff',
  organisationId: centreNorthOrg,
  municipalityCode: meguro,
});
const centreEast = await createUser(t.db, {
  role: 'center_staff',
  organisationId: centreEastOrg,
  municipalityCode: meguro,
});
const careManager = await createUser(t.db, {
  role: 'care_manager',
  organisationId: careOrg,
  municipalityCode: meguro,
});
const admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: meguro });
const awayHospital = await createUser(t.db, { role: 'hospital_staff', municipalityCode: sapporo });

const newPatient = {
  name: '目黒 花子',
  nameKana: 'メグロ ハナコ',
  birthDate: '1938-05-12',
  sex: 'female',
  addressTown: '上目黒二丁目',
  addressDetail: '1-2-3',
  careLevel: 'care_2',
  keyPerson: { name: '目黒 太郎', relation: '長男', phone: '03-0000-0000' },
};

const created = await api.as(hospital).post<PatientCreated>('/api/patients', newPatient);
const patientId = created.body.patient.id;

async function sees(user: typeof hospital): Promise<{ get: number; listed: number }> {
  const get = await api.as(user).get(`/api/patients/${patientId}`);
  const list = await api.as(user).get<PatientList>('/api/patients?limit=200');
  return {
    get: get.status,
    listed: list.status === 200 ? list.body.items.filter((p) => p.id === patientId).length : -list.status,
  };
}

describe('registering a patient', () => {
  it('stores the 町丁 and district from the ward’s town list and puts the hospital in the circle as admitting hospital', async () => {
    expect(created.status).toBe(201);
    expect(created.body.patient).toMatchObject({
      addressTown: '上目黒',
      districtCode: 'north',
      fictional: false,
    });
    expect(created.body.possibleDuplicate).toBe(false);
    const page = await api.as(hospital).get<PatientDetail>(`/api/patients/${patientId}`);
    expect(page.status).toBe(200);
    expect(page.body.accessBasis).toBe('circle');
    expect(page.body.circle).toEqual([
      expect.objectContaining({ role: 'admitting_hospital', organisationId: hospitalOrg, validTo: null }),
    ]);
  });

  it('refuses a town that is not in the ward’s list', async () => {
    const res = await api.as(hospital).post('/api/patients', { ...newPatient, addressTown: '丸の内' });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('patients.unknown_town');
  });
});

describe('who sees the patient', () => {
  it('shows it to the circle and the district’s 包括 centre, and answers 404 to everyone else, in lists too', async () => {
    const family = await api.as(hospital).post(`/api/patients/${patientId}/circle`, {
      role: 'family_doctor',
      facilityId: clinicBFacility,
      reason: '外来の主治医',
    });
    expect(family.status).toBe(201);
    // The clinic's organisation is found through its directory facility.
    expect(family.body).toMatchObject({ organisationId: clinicBOrg, facilityName: 'Bクリニック' });

    expect(await sees(hospital)).toEqual({ get: 200, listed: 1 });
    expect(await sees(doctorB)).toEqual({ get: 200, listed: 1 });
    expect(await sees(centreNorth)).toEqual({ get: 200, listed: 1 });
    expect(await sees(doctorC)).toEqual({ get: 404, listed: 0 });
    expect(await sees(centreEast)).toEqual({ get: 404, listed: 0 });
    expect(await sees(careManager)).toEqual({ get: 404, listed: 0 });
    expect(await sees(admin)).toEqual({ get: 404, listed: 0 });
    expect(await sees(awayHospital)).toEqual({ get: 404, listed: 0 });
    // facility_editor's work is the directory entry: the patient routes are not theirs at all.
    expect((await api.as(editorB).get(`/api/patients/${patientId}`)).status).toBe(403);
    expect((await api.as(editorB).get('/api/patients')).status).toBe(403);
    // Nor can an outsider write, or read the circle's history.
    expect((await api.as(doctorC).patch(`/api/patients/${patientId}`, { careLevel: 'care_3' })).status).toBe(
      404,
    );
    expect((await api.as(doctorC).get(`/api/patients/${patientId}/circle`)).status).toBe(404);
  });

  it('moves access with the role when the family doctor changes, and keeps the history', async () => {
    const change = await api.as(hospital).post(`/api/patients/${patientId}/circle`, {
      role: 'family_doctor',
      organisationId: clinicCOrg,
      reason: '転居のため',
    });
    expect(change.status).toBe(201);
    expect(await sees(doctorC)).toEqual({ get: 200, listed: 1 });
    expect(await sees(doctorB)).toEqual({ get: 404, listed: 0 });
    const history = await api.as(doctorC).get<CircleHistory>(`/api/patients/${patientId}/circle`);
    const doctors = history.body.items.filter((m) => m.role === 'family_doctor');
    expect(doctors).toHaveLength(2);
    const ended = doctors.find((m) => m.organisationId === clinicBOrg);
    expect(ended?.validTo).not.toBeNull();
    expect(ended?.endReason).toBe('転居のため');
  });

  it('lets the ward admin in only by break-glass with a reason, read-only, audited', async () => {
    const short = await api.as(admin).post(`/api/patients/${patientId}/break-glass`, { reason: '急ぎ' });
    expect(short.status).toBe(400);
    const grant = await api.as(admin).post(`/api/patients/${patientId}/break-glass`, {
      reason: '災害時の安否確認のため緊急に閲覧する',
    });
    expect(grant.status).toBe(201);
    const page = await api.as(admin).get<PatientDetail>(`/api/patients/${patientId}`);
    expect(page.status).toBe(200);
    expect(page.body.accessBasis).toBe('break_glass');
    const unknown = await api.as(admin).post(`/api/patients/${crypto.randomUUID()}/break-glass`, {
      reason: '災害時の安否確認のため緊急に閲覧する',
    });
    expect(unknown.status).toBe(404);
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('action', '=', 'patient.break_glass')
      .execute();
    expect(audits).toEqual([{ action: 'patient.break_glass', patient_id: patientId }]);
  });
});

describe('the access log', () => {
  it('records reads and writes with who, which patient, what and from where, without the audit chain', async () => {
    const before = await t.db
      .selectFrom('access_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const after = Number(before?.id ?? 0);
    const read = await api.as(doctorC).get(`/api/patients/${patientId}`);
    const write = await api.as(doctorC).patch(`/api/patients/${patientId}`, { careLevel: 'care_3' });
    expect(read.status).toBe(200);
    expect(write.status).toBe(200);
    const rows = await t.db
      .selectFrom('access_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.actor_user_id, r.patient_id, r.record_type, r.action, r.basis])).toEqual([
      [doctorC.id, patientId, 'patient', 'read', 'circle'],
      [doctorC.id, patientId, 'patient', 'write', 'circle'],
    ]);
    expect(rows.every((r) => r.request_id && r.client_ip)).toBe(true);
  });

  it('is searchable and exportable by the ward admin, per patient', async () => {
    const list = await api
      .as(admin)
      .get<{ items: Array<{ patientId: string; action: string }> }>(
        `/api/admin/access-log?patientId=${patientId}&limit=200`,
      );
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(5);
    expect(list.body.items.every((i) => i.patientId === patientId)).toBe(true);
    const csv = await api.as(admin).get(`/api/admin/access-log/export.csv?patientId=${patientId}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('日時');
    expect(String(csv.body)).toContain(patientId);
    expect((await api.as(hospital).get('/api/admin/access-log')).status).toBe(403);
  });
});

describe('duplicates', () => {
  it('warns about the same kana and birth date without naming the other record, and the ward admin merges them', async () => {
    const second = await api.as(careManager).post<PatientCreated>('/api/patients', {
      ...newPatient,
      nameKana: 'めぐろ　はなこ',
      addressTown: '中目黒',
    });
    expect(second.status).toBe(201);
    expect(second.body.possibleDuplicate).toBe(true);
    const duplicates = await api
      .as(admin)
      .get<{ items: Array<{ patients: Array<{ id: string }> }> }>('/api/admin/patients/duplicates');
    expect(duplicates.body.items[0]?.patients.map((p) => p.id).sort()).toEqual(
      [patientId, second.body.patient.id].sort(),
    );
    const merge = await api.as(admin).post('/api/admin/patients/merge', {
      keepId: patientId,
      mergeId: second.body.patient.id,
      reason: '同一人物',
    });
    expect(merge.status).toBe(200);
    // The care manager's membership moved over: they now reach the kept record, not the duplicate.
    expect(await sees(careManager)).toEqual({ get: 200, listed: 1 });
    expect((await api.as(careManager).get(`/api/patients/${second.body.patient.id}`)).status).toBe(404);
    const again = await api.as(admin).post('/api/admin/patients/merge', {
      keepId: patientId,
      mergeId: second.body.patient.id,
      reason: '同一人物',
    });
    expect(again.status).toBe(409);
  });
});

describe('the patient list', () => {
  it('pages in kana order without repeating a patient, and refuses a cursor it did not write with 400 request.invalid', async () => {
    const other = await api.as(hospital).post<PatientCreated>('/api/patients', {
      ...newPatient,
      nameKana: 'アオバ イチロウ',
      birthDate: '1941-02-03',
    });
    expect(other.status).toBe(201);
    const listed: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api.as(hospital).get<PatientList>(`/api/patients?limit=1${query}`);
      expect(page.status).toBe(200);
      listed.push(...page.body.items.map((p) => p.nameKana));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(listed).toEqual(['アオバ イチロウ', 'メグロ ハナコ']);

    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    // Each reached the database before and answered 500 (an id that is no uuid).
    for (const bad of [forged(['あおば', 'x']), forged([1, 2]), forged([42, 42]), forged(['あおば'])]) {
      const res = await api.as(hospital).get<{ error: { code: string } }>(`/api/patients?cursor=${bad}`);
      expect({ bad, status: res.status, code: res.body.error?.code }).toEqual({
        bad,
        status: 400,
        code: 'request.invalid',
      });
    }
  });
});
