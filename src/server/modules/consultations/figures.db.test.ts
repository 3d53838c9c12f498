import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createMunicipality, createUser, MUNICIPALITIES } from '../../../../test/support/factories/accounts';
import { createConsultationWindows } from '../../../../test/support/factories/consultations';
import { createTestApp } from '../../../../test/support/test-app';
import type { ConsultationDetail, ConsultationFiguresResponse } from '../../../contracts/consultations';
import type { DataListResponse } from '../../../contracts/council';
import { consultationYearTotals } from '.';

/** The desk's yearly figures: persons once a year, contacts each; own window, or ward-wide for the ward. */
const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);

// A municipality of its own, so other test files' consultations never count here.
const city = await createMunicipality(t.db, MUNICIPALITIES.kobe);
const { north, northStaff, eastStaff, admin } = await createConsultationWindows(t.db, city, {
  north: 'A包括',
  east: 'B包括',
});
const clinician = await createUser(t.db, { role: 'clinician', municipalityCode: city });

const contact = (occurredAt: string, over: Record<string, unknown> = {}) => ({
  occurredAt,
  channel: 'phone',
  consulter: 'family',
  topics: ['other'],
  responses: ['information'],
  summary: 'テスト',
  ...over,
});
const hospitalOutside = { consulter: 'medical_institution', institution: { name: '区外病院', inWard: 'no' } };

async function record(user: typeof northStaff, first: string, more: string[] = [], flags: string[] = []) {
  const res = await api.as(user).post<ConsultationDetail>('/api/consultations', {
    subject: {},
    flags,
    firstContact: contact(first, hospitalOutside),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (const at of more) await api.as(user).post(`/api/consultations/${res.body.id}/contacts`, contact(at));
}

// 令和7年度 = 2025-04..2026-03 (Tokyo). 2025-03-31T15:30Z is 1 April in Tokyo: inside.
await record(
  northStaff,
  '2025-03-31T15:30:00Z',
  ['2025-05-10T01:00:00Z', '2026-04-01T01:00:00Z'],
  ['living_alone'],
);
await record(northStaff, '2025-06-01T01:00:00Z', [], ['hardship', 'no_guarantor']);
await record(eastStaff, '2026-03-31T14:00:00Z');
// 令和6年度: outside the year asked for.
await record(eastStaff, '2025-03-31T14:00:00Z');

describe('the consultation desk’s yearly figures', () => {
  it('shows a 包括 its own window: persons (実数) once, contacts (延数) each, per month and for the year', async () => {
    const res = await api
      .as(northStaff)
      .get<ConsultationFiguresResponse>('/api/consultations/figures?fiscalYear=7');
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({
      scope: 'window',
      fiscalYear: 7,
      label: '令和7年度',
      from: '2025-04',
      to: '2026-03',
    });
    expect(f.total).toEqual({ persons: 2, contacts: 3 });
    expect(f.months.find((m) => m.month === '2025-04')).toEqual({
      month: '2025-04',
      persons: 1,
      contacts: 1,
    });
    expect(f.months.find((m) => m.month === '2025-05')).toEqual({
      month: '2025-05',
      persons: 1,
      contacts: 1,
    });
    expect(f.byWindow).toEqual([{ organisationId: north.id, name: 'A包括', persons: 2, contacts: 3 }]);
    expect(f.byConsulter).toMatchObject({ medical_institution: 2, family: 1 });
    expect(f.medicalInstitutions).toEqual({ yes: 0, no: 2, unknown: 0 });
    expect(f.flags).toMatchObject({ living_alone: 1, hardship: 1, no_guarantor: 1, mental_health: 0 });
  });

  it('shows the ward admin every window, summed ward-wide', async () => {
    const res = await api
      .as(admin)
      .get<ConsultationFiguresResponse>('/api/consultations/figures?fiscalYear=7');
    expect(res.body.scope).toBe('ward');
    expect(res.body.total).toEqual({ persons: 3, contacts: 4 });
    expect(res.body.byWindow.map((w) => [w.name, w.persons, w.contacts])).toEqual([
      ['A包括', 2, 3],
      ['B包括', 1, 1],
    ]);
    expect(res.body.months.find((m) => m.month === '2026-03')?.persons).toBe(1);
  });

  it('refuses anyone else, and a month range', async () => {
    expect((await api.as(clinician).get('/api/consultations/figures')).status).toBe(403);
    expect((await api.as(admin).get('/api/consultations/figures?from=2025-04&to=2025-06')).status).toBe(400);
  });

  it('gives the council’s data list the year’s totals in a plain shape', async () => {
    const totals = await consultationYearTotals({ db: t.db }, city, 2025);
    expect(totals).toMatchObject({
      fiscalYear: 2025,
      label: '令和7年度',
      persons: 3,
      contacts: 4,
      medicalInstitutionContacts: { inWard: 0, outsideWard: 3, unknown: 0 },
    });
    expect(totals.byWindow).toHaveLength(2);
  });

  it('shows the same totals in the council’s data list (/council), beside the year before', async () => {
    const res = await api.as(admin).get<DataListResponse>('/api/council/data-list?fiscalYear=7');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const section = res.body.sections.find((s) => s.id === 'consultations');
    const value = (key: string) => {
      const row = section?.rows.find((r) => r.key === key);
      return [row?.previous?.value, row?.current?.value];
    };
    expect(value('persons')).toEqual([1, 3]);
    expect(value('contacts')).toEqual([1, 4]);
    expect(value('medical_outside_ward')).toEqual([1, 3]);
    expect(value('medical_in_ward')).toEqual([0, 0]);
    expect(value('flag_living_alone')).toEqual([0, 1]);
    expect(value('flag_hardship')).toEqual([0, 1]);
    expect(value('flag_mental_health')).toEqual([0, 0]);
    expect(section?.rows.find((r) => r.key === 'persons')?.current?.when).toEqual({
      kind: 'period',
      from: '2025-04-01',
      to: '2026-03-31',
    });
  });
});
