import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import {
  createMunicipality,
  createUser,
  MUNICIPALITIES,
  type TestUser,
} from '../../../../test/support/factories/accounts';
import { createTestFacility } from '../../../../test/support/factories/directory';
import {
  createPatientWithCircle,
  insertProviderChange,
  openSceneCase,
  type ProviderChangeRow,
} from '../../../../test/support/factories/discharge';
import type { FiguresResponse } from '../../../contracts/figures';

/** An instant given in Tokyo time, as the council counts its months. */
const jst = (local: string) => new Date(`${local}+09:00`);

describe('the council’s discharge figures, per month and per 令和N年度', () => {
  const d = startDischargeSuite();
  let admin: TestUser;
  let sapporoAdmin: TestUser;
  const sapporo = MUNICIPALITIES.sapporo.code;

  const patient = async (municipalityCode = d.s.municipalityCode) =>
    (await createPatientWithCircle(d.t.db, municipalityCode, [])).id;

  /** A case already closed, discharged at the given instant. */
  const dischargedCase = async (
    hospital: { facilityId: string | null; name: string },
    dischargedAt: Date,
    municipalityCode = d.s.municipalityCode,
  ) =>
    (
      await d.t.db
        .insertInto('discharge_cases')
        .values({
          municipality_code: municipalityCode,
          patient_id: await patient(municipalityCode),
          hospital_facility_id: hospital.facilityId,
          hospital_organisation_id: null,
          hospital_name: hospital.name,
          admitted_on: '2026-01-05',
          expected_discharge_on: null,
          status: 'closed',
          note: null,
          opened_by: randomUUID(),
          opened_by_organisation_id: null,
          discharged_at: dischargedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const change = async (
    values: Omit<ProviderChangeRow, 'municipalityCode' | 'patientId'> & { municipalityCode?: string },
  ) =>
    insertProviderChange(d.t.db, {
      ...values,
      municipalityCode: values.municipalityCode ?? d.s.municipalityCode,
      patientId: await patient(values.municipalityCode),
    });

  const notice = async (values: {
    caseId?: string;
    changeId?: string;
    kind: 'admission' | 'provider_change';
    channel: 'inbox' | 'email' | 'fax' | 'phone';
    createdAt: Date;
    sentAt?: Date;
    readAt?: Date;
    acknowledgedAt?: Date;
  }) => {
    await d.t.db
      .insertInto('case_notices')
      .values({
        municipality_code: d.s.municipalityCode,
        kind: values.kind,
        patient_id: await patient(),
        case_id: values.caseId ?? null,
        provider_change_id: values.changeId ?? null,
        recipient_organisation_id: randomUUID(),
        recipient_label: '診療所',
        channel: values.channel,
        status: values.acknowledgedAt ? 'acknowledged' : 'sent',
        created_at: values.createdAt,
        sent_at: values.sentAt ?? null,
        read_at: values.readAt ?? null,
        acknowledged_at: values.acknowledgedAt ?? null,
      })
      .execute();
  };

  beforeAll(async () => {
    admin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: d.s.municipalityCode });
    await createMunicipality(d.t.db, MUNICIPALITIES.sapporo);
    sapporoAdmin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: sapporo });
    const inWard = { facilityId: d.s.hospital.facilityId, name: '目黒病院' };
    const otherDirectory = {
      facilityId: (await createTestFacility(d.t.db, { type: 'hospital', municipalityCode: sapporo })).id,
      name: '札幌の病院',
    };
    const typed = { facilityId: null, name: '区外の病院（電話で聞いた名前）' };

    // 令和8年度 = 2026-04-01 00:00 JST .. 2027-03-31 24:00 JST; the edges are Tokyo's, not UTC's.
    const april = await dischargedCase(inWard, jst('2026-04-01T00:30:00')); // 2026-03-31 UTC
    const june = await dischargedCase(inWard, jst('2026-06-15T10:00:00'));
    await dischargedCase(otherDirectory, jst('2027-03-31T23:30:00'));
    await dischargedCase(typed, jst('2026-03-31T23:59:00')); // 令和7年度
    await dischargedCase(inWard, jst('2027-04-01T00:00:00')); // 令和9年度
    await dischargedCase(otherDirectory, jst('2026-06-15T10:00:00'), sapporo); // another ward

    const p1 = await change({
      status: 'confirmed',
      createdAt: jst('2026-05-10T09:00:00'),
      escalatedAt: jst('2026-05-20T09:00:00'),
      closedAt: jst('2026-06-12T09:00:00'),
      caseId: june,
    });
    await change({
      status: 'kept_current',
      createdAt: jst('2026-06-01T09:00:00'),
      closedAt: jst('2026-06-05T09:00:00'),
    });
    await change({
      status: 'shared_care',
      createdAt: jst('2026-06-02T09:00:00'),
      closedAt: jst('2026-07-01T09:00:00'),
    });
    const p4 = await change({
      status: 'confirmed_override',
      createdAt: jst('2026-07-01T09:00:00'),
      closedAt: jst('2026-07-03T09:00:00'),
    });
    await d.t.db
      .insertInto('provider_change_overrides')
      .values({
        change_id: p4,
        municipality_code: d.s.municipalityCode,
        reason_code: 'emergency',
        reason_note: null,
        requested_by: randomUUID(),
        second_user_id: randomUUID(),
        created_at: jst('2026-07-03T09:00:00'),
      })
      .execute();
    await change({ status: 'proposed', createdAt: jst('2027-03-31T23:00:00') });
    await change({
      status: 'withdrawn',
      createdAt: jst('2026-03-31T23:00:00'),
      closedAt: jst('2026-04-02T09:00:00'),
    });
    await change({ status: 'proposed', createdAt: jst('2026-06-01T09:00:00'), municipalityCode: sapporo });

    // The June case's circle: two told before the discharge (one by a sent notice, one only by its
    // change's notice being read), one never sent, one sent after it.
    await notice({
      caseId: june,
      kind: 'admission',
      channel: 'inbox',
      createdAt: jst('2026-06-01T09:00:00'),
      sentAt: jst('2026-06-01T09:00:00'),
      acknowledgedAt: jst('2026-06-01T11:00:00'), // 2 h
    });
    await notice({ caseId: june, kind: 'admission', channel: 'fax', createdAt: jst('2026-06-01T09:00:00') });
    await notice({
      changeId: p1,
      kind: 'provider_change',
      channel: 'inbox',
      createdAt: jst('2026-06-10T00:00:00'),
      readAt: jst('2026-06-10T08:00:00'),
      acknowledgedAt: jst('2026-06-10T10:00:00'), // 10 h from queueing: never marked sent
    });
    await notice({
      caseId: june,
      kind: 'admission',
      channel: 'email',
      createdAt: jst('2026-06-01T09:00:00'),
      sentAt: jst('2026-06-20T09:00:00'),
      acknowledgedAt: jst('2026-06-20T13:00:00'), // 4 h
    });
    // Recorded in 令和7年度, acknowledged in April: its channel is last year's, its answer this year's.
    await notice({
      caseId: april,
      kind: 'admission',
      channel: 'phone',
      createdAt: jst('2026-03-31T09:00:00'),
      sentAt: jst('2026-03-31T09:00:00'),
      acknowledgedAt: jst('2026-04-01T09:00:00'), // 24 h
    });
  });

  it('counts 令和8年度 by Tokyo months, April to March, and only the ward’s own cases', async () => {
    const res = await d.api.as(admin).get<FiguresResponse>('/api/discharge-figures?fiscalYear=8');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({ from: '2026-04', to: '2027-03', fiscalYear: 8, label: '令和8年度' });
    expect(f.months.map((m) => m.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    const month = (m: string) => f.months.find((x) => x.month === m)!;
    expect(f.total.discharges).toEqual({ total: 3, inWard: 2, outsideWard: 1 });
    expect(month('2026-04').discharges).toEqual({ total: 1, inWard: 1, outsideWard: 0 });
    expect(month('2027-03').discharges).toEqual({ total: 1, inWard: 0, outsideWard: 1 });
    expect(f.total.changes).toEqual({ proposed: 5, confirmed: 2, keptCurrent: 1, sharedCare: 1 });
    expect(month('2026-06').changes).toEqual({ proposed: 2, confirmed: 1, keptCurrent: 1, sharedCare: 0 });
    expect(month('2026-07').changes).toEqual({ proposed: 1, confirmed: 1, keptCurrent: 0, sharedCare: 1 });
    expect(f.total.escalations).toBe(1);
    expect(month('2026-05').escalations).toBe(1);
    expect(f.total.overrides).toEqual({
      total: 1,
      byReason: { emergency: 1, patient_unreachable_incumbent: 0, incumbent_closed: 0, other: 0 },
    });
  });

  it('shares the circle told before discharge, and times acknowledgments in plain hours', async () => {
    const { body: f } = await d.api.as(admin).get<FiguresResponse>('/api/discharge-figures?fiscalYear=8');
    const month = (m: string) => f.months.find((x) => x.month === m)!;
    expect(month('2026-06').toldBeforeDischarge).toEqual({ numerator: 2, denominator: 4, ratio: 0.5 });
    expect(month('2026-04').toldBeforeDischarge).toEqual({ numerator: 1, denominator: 1, ratio: 1 });
    expect(month('2026-05').toldBeforeDischarge).toEqual({ numerator: 0, denominator: 0, ratio: null });
    expect(f.total.toldBeforeDischarge).toEqual({ numerator: 3, denominator: 5, ratio: 0.6 });
    // June: 2, 4, 10 h; the year adds April's 24 h (percentiles of the year, not sums of months).
    expect(month('2026-06').acknowledgment).toEqual({ count: 3, medianHours: 4, p90Hours: 8.8 });
    expect(f.total.acknowledgment).toEqual({ count: 4, medianHours: 7, p90Hours: 19.8 });
    expect(f.total.channels).toEqual({ inbox: 2, email: 1, fax: 1, phone: 0 });
  });

  it('answers a month range, and another ward’s admin sees only that ward', async () => {
    const range = await d.api
      .as(admin)
      .get<FiguresResponse>('/api/discharge-figures?from=2026-06&to=2026-07');
    expect(range.status).toBe(200);
    expect(range.body).toMatchObject({ fiscalYear: null, label: '2026年6月〜2026年7月' });
    expect(range.body.months).toHaveLength(2);
    expect(range.body.total.discharges.total).toBe(1);
    const other = await d.api.as(sapporoAdmin).get<FiguresResponse>('/api/discharge-figures?fiscalYear=8');
    expect(other.body.municipalityCode).toBe(sapporo);
    expect(other.body.total.discharges).toEqual({ total: 1, inWard: 1, outsideWard: 0 });
    expect(other.body.total.changes.proposed).toBe(1);
  });

  it('refuses a query that mixes a fiscal year and months, or runs backwards', async () => {
    expect(
      (await d.api.as(admin).get('/api/discharge-figures?fiscalYear=8&from=2026-04&to=2026-05')).status,
    ).toBe(400);
    expect((await d.api.as(admin).get('/api/discharge-figures?from=2026-07&to=2026-06')).status).toBe(400);
    expect((await d.api.as(admin).get('/api/discharge-figures?from=2026-13&to=2027-01')).status).toBe(400);
    // Year 0000 is no database timestamp: it answered 500 before the contract bounded the years.
    const yearZero = await d.api.as(admin).get('/api/discharge-figures?from=0000-01&to=0000-10');
    expect(yearZero.status).toBe(400);
    expect(yearZero.body).toMatchObject({ error: { code: 'request.invalid' } });
    // 令和81年度 would end in 2100, past the months the answer can name: it answered 500 (the fuzz).
    expect((await d.api.as(admin).get('/api/discharge-figures?fiscalYear=81')).status).toBe(400);
    expect((await d.api.as(admin).get('/api/discharge-figures?fiscalYear=80')).status).toBe(200);
  });

  it('shows the figures to the ward only: 403 for hospital, 包括 and clinicians, 401 for the public', async () => {
    for (const user of [d.s.hospital.staff, d.s.center.user, d.s.familyDoctor.user]) {
      const res = await d.api.as(user).get('/api/discharge-figures?fiscalYear=8');
      expect(res.status, user.role).toBe(403);
      expect((await d.api.as(user).get('/api/discharge-figures/export.csv?fiscalYear=8')).status).toBe(403);
    }
    expect((await d.api.anonymous.get('/api/discharge-figures?fiscalYear=8')).status).toBe(401);
  });

  it('exports a CSV Excel opens (UTF-8 with BOM, Japanese headings, the year’s total) and audits it', async () => {
    const res = await d.api.as(admin).get<string>('/api/discharge-figures/export.csv?fiscalYear=8');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const text = String(res.body);
    expect(text.startsWith('\uFEFF月,退院支援件数,うち区内病院,うち区外病院')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[13]).toMatch(/^令和8年度 合計,3,2,1,5,2,1,1,,60,3,5,4,7,19\.8,1,1,1,0,0,0,2,1,1,0,$/);
    const audit = await sql<{ actor_user_id: string; details: { fiscalYear: number } }>`
      select actor_user_id, details from audit_log where action = 'discharge.figures.export'`.execute(d.t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actor_user_id: admin.id, details: { fiscalYear: 8 } });
  });

  it('counts a case discharged through the workflow in the month it happened', async () => {
    const before = await d.api.as(admin).get<FiguresResponse>('/api/discharge-figures');
    const opened = await openSceneCase(d.api, d.s);
    for (const event of ['schedule', 'discharge']) {
      const moved = await d.api
        .as(d.s.hospital.staff)
        .post(`/api/discharge-cases/${opened.id}/transitions`, { event });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    const after = await d.api.as(admin).get<FiguresResponse>('/api/discharge-figures');
    expect(after.body.total.discharges.total).toBe(before.body.total.discharges.total + 1);
    expect(after.body.total.discharges.inWard).toBe(before.body.total.discharges.inWard + 1);
  });
});
