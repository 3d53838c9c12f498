import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import {
  createMunicipality,
  createOrganisation,
  createUser,
  MUNICIPALITIES,
} from '../../../../test/support/factories/accounts';
import { createConsultationWindows } from '../../../../test/support/factories/consultations';
import { createTestFacility } from '../../../../test/support/factories/directory';
import { addTestMember, createTestPatient } from '../../../../test/support/factories/patients';
import { createTestApp } from '../../../../test/support/test-app';
import type {
  ConsultationContact,
  ConsultationCreateBody,
  ConsultationDetail,
} from '../../../contracts/consultations';
import type { Page } from '../../../contracts/page';
import { installGeography, loadMeguroGeography } from '../../demo/directory/meguro-geography';

/**
 * The consultation desk through HTTP: a window's records are its own (another centre and the ward
 * admin get 404 / 403), a rejected request changes nothing, the workflow answers 409 for a move it
 * does not have, and every read and write is in the access log.
 */
const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);

const meguro = await createMunicipality(t.db, MUNICIPALITIES.meguro);
const geography = loadMeguroGeography();
await installGeography(t.db, geography, meguro);
const district = geography.districts[0]?.code ?? 'north';
const {
  north,
  northStaff: staff,
  eastStaff: otherCentre,
  admin,
} = await createConsultationWindows(t.db, meguro);
const colleague = await createUser(t.db, {
  role: 'center_staff',
  municipalityCode: meguro,
  organisationId: north.id,
});
const hospital = await createTestFacility(t.db, {
  municipalityCode: meguro,
  type: 'hospital',
  name: '区内テスト病院',
});

const firstContact = (over: Record<string, unknown> = {}) => ({
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  channel: 'phone',
  consulter: 'medical_institution',
  institution: { name: '区外テスト病院', inWard: 'no' },
  referralSource: 'medical_institution',
  topics: ['discharge', 'home_medical_care'],
  responses: ['information', 'introduction'],
  summary: '退院後の訪問診療について相談。',
  ...over,
});

const body = (over: Partial<Record<keyof ConsultationCreateBody, unknown>> = {}) => ({
  subject: {
    name: '相談 太郎',
    kana: 'そうだん たろう',
    ageBand: '75_84',
    districtCode: district,
    livesInWard: 'yes',
  },
  flags: ['living_alone'],
  firstContact: firstContact(),
  ...over,
});

const open = async (over: Partial<Record<keyof ConsultationCreateBody, unknown>> = {}) => {
  const res = await api.as(staff).post<ConsultationDetail>('/api/consultations', body(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

const count = async (table: 'consultations' | 'consultation_contacts') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const accessRows = (recordId: string) =>
  t.db
    .selectFrom('access_log')
    .selectAll()
    .where('record_type', '=', 'consultation')
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();

describe('the consultation desk', () => {
  it('records a consultation with its first contact at the caller’s window', async () => {
    const c = await open();
    expect(c).toMatchObject({
      status: 'open',
      organisationId: north.id,
      windowName: north.name,
      subjectName: '相談 太郎',
      ageBand: '75_84',
      districtCode: district,
      flags: ['living_alone'],
      contactCount: 1,
      events: ['follow_up', 'close'],
    });
    expect(c.contacts[0]).toMatchObject({
      consulter: 'medical_institution',
      institution: { facilityId: null, name: '区外テスト病院', inWard: 'no' },
      topics: ['discharge', 'home_medical_care'],
    });
  });

  it('takes a directory hospital’s name and knows it is in the ward', async () => {
    const c = await open({ firstContact: firstContact({ institution: { facilityId: hospital.id } }) });
    expect(c.contacts[0]?.institution).toEqual({
      facilityId: hospital.id,
      name: '区内テスト病院',
      inWard: 'yes',
    });
  });

  it('records an anonymous call (no name, no kana)', async () => {
    const c = await open({
      subject: {},
      flags: [],
      firstContact: firstContact({ consulter: 'family', institution: undefined }),
    });
    expect(c).toMatchObject({
      subjectName: null,
      subjectKana: null,
      ageBand: 'unknown',
      livesInWard: 'unknown',
    });
  });

  it('rejects an invalid request with 400 and writes nothing', async () => {
    const before = [await count('consultations'), await count('consultation_contacts')];
    const bad = [
      body({ flags: ['rich'] }),
      body({ flags: ['hardship', 'hardship'] }),
      body({ firstContact: firstContact({ topics: [] }) }),
      body({ firstContact: firstContact({ consulter: 'family' }) }), // an institution without one asking
      body({ firstContact: firstContact({ institution: { facilityId: hospital.id, name: 'x' } }) }),
      body({ subject: { districtCode: 'nowhere' } }),
      body({ firstContact: firstContact({ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }) }),
    ];
    for (const b of bad) {
      const res = await api.as(staff).post('/api/consultations', b);
      expect(res.status, JSON.stringify(b)).toBe(400);
    }
    expect([await count('consultations'), await count('consultation_contacts')]).toEqual(before);
  });

  it('shows a window’s record to its staff only: another centre gets 404, the ward admin 403', async () => {
    const c = await open();
    expect((await api.as(colleague).get(`/api/consultations/${c.id}`)).status).toBe(200);
    const other = await api.as(otherCentre).get<{ error: { code: string } }>(`/api/consultations/${c.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('consultations.not_found');
    expect(
      (await api.as(otherCentre).post(`/api/consultations/${c.id}/contacts`, firstContact())).status,
    ).toBe(404);
    expect(
      (await api.as(otherCentre).post(`/api/consultations/${c.id}/transitions`, { event: 'close' })).status,
    ).toBe(404);
    const list = await api.as(otherCentre).get<Page<{ id: string }>>('/api/consultations?limit=200');
    expect(list.body.items.map((i) => i.id)).not.toContain(c.id);
    expect((await api.as(admin).get(`/api/consultations/${c.id}`)).status).toBe(403);
    expect((await api.as(admin).get('/api/consultations')).status).toBe(403);
  });

  it('adds contacts (延数) and lists the newest contact first', async () => {
    const older = await open();
    const newer = await open();
    const added = await api.as(staff).post<ConsultationContact>(
      `/api/consultations/${older.id}/contacts`,
      firstContact({
        occurredAt: new Date().toISOString(),
        consulter: 'family',
        institution: undefined,
        responses: ['continuing'],
        followUpOn: '2027-01-10',
      }),
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ consulter: 'family', institution: null, followUpOn: '2027-01-10' });
    const list = await api
      .as(staff)
      .get<Page<{ id: string; contactCount: number }>>('/api/consultations?limit=200');
    const ids = list.body.items.map((i) => i.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(list.body.items.find((i) => i.id === older.id)?.contactCount).toBe(2);
    const detail = await api.as(staff).get<ConsultationDetail>(`/api/consultations/${older.id}`);
    expect(detail.body.contacts.map((k) => k.consulter)).toEqual(['family', 'medical_institution']);
  });

  it('pages with さらに表示する’s cursor, filters by status, and refuses a cursor it did not write', async () => {
    const own = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'community_support_center',
    });
    const solo = await createUser(t.db, {
      role: 'center_staff',
      municipalityCode: meguro,
      organisationId: own.id,
    });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.as(solo).post<ConsultationDetail>(
        '/api/consultations',
        body({
          firstContact: firstContact({ occurredAt: new Date(Date.now() - (10 - i) * 60_000).toISOString() }),
        }),
      );
      made.push(res.body.id);
    }
    const first = await api.as(solo).get<Page<{ id: string }>>('/api/consultations?limit=2');
    expect(first.body.items.map((i) => i.id)).toEqual([made[2], made[1]]);
    const second = await api
      .as(solo)
      .get<Page<{ id: string }>>(`/api/consultations?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: made[0] })], nextCursor: null });
    await api.as(solo).post(`/api/consultations/${made[1]}/transitions`, { event: 'close' });
    const closed = await api.as(solo).get<Page<{ id: string }>>('/api/consultations?status=closed');
    expect(closed.body.items.map((i) => i.id)).toEqual([made[1]]);
    expect((await api.as(solo).get('/api/consultations?cursor=bm90LW91cnM')).status).toBe(400);
  });

  it('moves through its workflow, answers 409 for a move it does not have, and reopens', async () => {
    const c = await open();
    const followed = await api
      .as(staff)
      .post<ConsultationDetail>(`/api/consultations/${c.id}/transitions`, { event: 'follow_up' });
    expect(followed.body).toMatchObject({ status: 'following_up', events: ['close'] });
    const again = await api
      .as(staff)
      .post<{ error: { code: string } }>(`/api/consultations/${c.id}/transitions`, { event: 'follow_up' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('consultations.invalid_transition');
    const closed = await api
      .as(staff)
      .post<ConsultationDetail>(`/api/consultations/${c.id}/transitions`, { event: 'close' });
    expect(closed.body).toMatchObject({ status: 'closed', events: ['reopen'] });
    expect(closed.body.closedAt).not.toBeNull();
    const contact = await api
      .as(staff)
      .post<{ error: { code: string } }>(`/api/consultations/${c.id}/contacts`, firstContact());
    expect(contact.status).toBe(409);
    expect(contact.body.error.code).toBe('consultations.closed');
    const reopened = await api
      .as(staff)
      .post<ConsultationDetail>(`/api/consultations/${c.id}/transitions`, { event: 'reopen' });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
  });

  it('sets the はざま flags and the routing', async () => {
    const c = await open();
    const res = await api.as(staff).put<ConsultationDetail>(`/api/consultations/${c.id}/flags`, {
      flags: ['mental_health', 'no_guarantor'],
      routedTo: { target: 'mental_health_council' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      flags: ['mental_health', 'no_guarantor'],
      routedTo: { target: 'mental_health_council', note: null },
    });
    const cleared = await api
      .as(staff)
      .put<ConsultationDetail>(`/api/consultations/${c.id}/flags`, { flags: [], routedTo: null });
    expect(cleared.body).toMatchObject({ flags: [], routedTo: null });
  });

  it('links a patient only when the caller reaches them', async () => {
    const mine = await createTestPatient(t.db, { municipalityCode: meguro });
    await addTestMember(t.db, mine, {
      role: 'support_center',
      organisationId: north.id,
      municipalityCode: meguro,
    });
    const stranger = await createTestPatient(t.db, { municipalityCode: meguro, districtCode: null });
    const before = await count('consultations');
    const refused = await api.as(staff).post('/api/consultations', body({ patientId: stranger }));
    expect(refused.status).toBe(404);
    expect(await count('consultations')).toBe(before);
    const linked = await open({ patientId: mine });
    expect(linked.patientId).toBe(mine);
    const rows = await accessRows(linked.id);
    // the gate's write (with its basis), then the page's read
    expect(rows.map((r) => [r.action, r.patient_id, r.basis])).toEqual([
      ['write', mine, 'circle'],
      ['read', mine, null],
    ]);
  });

  it('follows a ward admin’s merge of duplicate patient records to the record kept', async () => {
    const kana = 'まーじ てすと';
    const kept = await createTestPatient(t.db, { municipalityCode: meguro, kana, birthDate: '1938-02-02' });
    const duplicate = await createTestPatient(t.db, {
      municipalityCode: meguro,
      kana,
      birthDate: '1938-02-02',
    });
    await addTestMember(t.db, duplicate, {
      role: 'support_center',
      organisationId: north.id,
      municipalityCode: meguro,
    });
    const linked = await open({ patientId: duplicate });
    const merged = await api
      .as(admin)
      .post('/api/admin/patients/merge', { keepId: kept, mergeId: duplicate, reason: '同一人物' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const row = await t.db
      .selectFrom('consultations')
      .select('patient_id')
      .where('id', '=', linked.id)
      .executeTakeFirstOrThrow();
    expect(row.patient_id).toBe(kept);
  });

  it('writes every read and write to the access log', async () => {
    const c = await open();
    expect((await accessRows(c.id)).map((r) => r.action)).toEqual(['write', 'read']);
    await api.as(staff).post(`/api/consultations/${c.id}/contacts`, firstContact());
    await api.as(staff).put(`/api/consultations/${c.id}/flags`, { flags: ['hardship'], routedTo: null });
    await api.as(staff).post(`/api/consultations/${c.id}/transitions`, { event: 'close' });
    await api.as(colleague).get(`/api/consultations/${c.id}`);
    await api.as(colleague).get('/api/consultations?limit=200');
    const rows = await accessRows(c.id);
    // open (write, and its page's read), a contact (write), flags and close (each a write and the
    // page they answer with), the colleague's page and list (a read each)
    expect(rows.map((r) => r.action)).toEqual([
      'write',
      'read',
      'write',
      'write',
      'read',
      'write',
      'read',
      'read',
      'read',
    ]);
    expect(rows.at(-1)).toMatchObject({
      actor_user_id: colleague.id,
      patient_id: null,
      municipality_code: meguro,
    });
    // a refused read (another centre) shows nothing and records nothing
    await api.as(otherCentre).get(`/api/consultations/${c.id}`);
    expect(await accessRows(c.id)).toHaveLength(rows.length);
  });
});
