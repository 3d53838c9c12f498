import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { demoNursingSummary } from './demo.seed';

describe('the documents of one discharge case (the case page lists them)', () => {
  const d = startDischargeSuite();

  it('lists with ?caseId= only the documents written for that case', async () => {
    const staff = d.api.as(d.s.hospital.staff);
    const opened = await staff.post<{ id: string }>('/api/discharge-cases', {
      patientId: d.s.patient.id,
      hospitalFacilityId: d.s.hospital.facilityId,
      admittedOn: '2026-11-20',
      expectedDischargeOn: '2026-12-10',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const create = async (caseId?: string) => {
      const res = await staff.post<{ id: string; caseId: string | null }>('/api/documents', {
        patientId: d.s.patient.id,
        kind: 'nursing_summary',
        content: demoNursingSummary,
        ...(caseId ? { caseId } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const forCase = await create(opened.body.id);
    const other = await create();
    expect(forCase.caseId).toBe(opened.body.id);

    const ofCase = await staff.get<{ items: Array<{ id: string }> }>(
      `/api/documents?patientId=${d.s.patient.id}&caseId=${opened.body.id}`,
    );
    expect(ofCase.status).toBe(200);
    expect(ofCase.body.items.map((doc) => doc.id)).toEqual([forCase.id]);
    const all = await staff.get<{ items: Array<{ id: string }> }>(
      `/api/documents?patientId=${d.s.patient.id}`,
    );
    expect(all.body.items.map((doc) => doc.id).sort()).toEqual([forCase.id, other.id].sort());
  });
});
