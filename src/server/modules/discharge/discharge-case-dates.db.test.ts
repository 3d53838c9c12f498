import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createScenePatient } from '../../../../test/support/factories/discharge';

type ErrorAnswer = { error: { code: string } };

/** Found by the route fuzz (test/fuzz): the table's date CHECK surfaced as 500 internal. */
describe('a discharge case whose expected discharge is before the admission', () => {
  const d = startDischargeSuite();

  it('is refused with 400 discharge.discharge_before_admission when opened, and nothing is written', async () => {
    const before = await d.t.db
      .selectFrom('discharge_cases')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await d.api.as(d.s.hospital.staff).post<ErrorAnswer>('/api/discharge-cases', {
      patientId: d.s.patient.id,
      hospitalName: '区外総合病院',
      admittedOn: '2026-11-20',
      expectedDischargeOn: '2026-11-19',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('discharge.discharge_before_admission');
    const after = await d.t.db
      .selectFrom('discharge_cases')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('is refused with 400 when a step moves the expected discharge before the admission', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const opened = await d.api.as(d.s.hospital.staff).post<{ id: string }>('/api/discharge-cases', {
      patientId: patient.id,
      hospitalName: '区外総合病院',
      admittedOn: '2026-11-20',
      expectedDischargeOn: '2026-11-20',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const res = await d.api
      .as(d.s.hospital.staff)
      .post<ErrorAnswer>(`/api/discharge-cases/${opened.body.id}/transitions`, {
        event: 'plan',
        expectedDischargeOn: '2026-11-01',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('discharge.discharge_before_admission');
  });
});
