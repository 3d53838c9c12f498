import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { demoNursingSummary } from './demo.seed';

describe('the documents of one discharge case (the case page lists them)', () => {
  const d = startDischargeSuite();
  // one open case per patient: the tests share the one the first of them opens
  let openCase: Promise<{ id: string }> | undefined;
  const theCase = () => {
    openCase ??= d.api
      .as(d.s.hospital.staff)
      .post<{ id: string }>('/api/discharge-cases', {
        patientId: d.s.patient.id,
        hospitalFacilityId: d.s.hospital.facilityId,
        admittedOn: '2026-11-20',
        expectedDischargeOn: '2026-12-10',
      })
      .then((opened) => {
        expect(opened.status, JSON.stringify(opened.body)).toBe(201);
        return opened.body;
      });
    return openCase;
  };

  it('lists with ?caseId= only the documents written for that case', async () => {
    const staff = d.api.as(d.s.hospital.staff);
    const opened = { body: await theCase() };
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

  it('names its case on the document (hospital, admission day) to everyone who reads it, and the case opens for them', async () => {
    const staff = d.api.as(d.s.hospital.staff);
    const opened = { body: await theCase() };
    const issue = async (caseId?: string) => {
      const res = await staff.post<{ id: string }>('/api/documents', {
        patientId: d.s.patient.id,
        kind: 'nursing_summary',
        content: demoNursingSummary,
        ...(caseId ? { caseId } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const final = await staff.post(`/api/documents/${res.body.id}/finalise`, { version: 1 });
      expect(final.status, JSON.stringify(final.body)).toBe(200);
      return res.body.id;
    };
    const forCase = await issue(opened.body.id);
    const without = await issue();
    type Detail = { dischargeCase: { id: string; hospitalName: string; admittedOn: string } | null };

    const kase = await staff.get<{ hospitalName: string }>(`/api/discharge-cases/${opened.body.id}`);
    expect(kase.status).toBe(200);
    const expected = { id: opened.body.id, hospitalName: kase.body.hospitalName, admittedOn: '2026-11-20' };
    expect(kase.body.hospitalName.length).toBeGreaterThan(0);
    for (const user of [d.s.hospital.staff, d.s.familyDoctor.user]) {
      const reader = d.api.as(user);
      const doc = await reader.get<Detail>(`/api/documents/${forCase}`);
      expect(doc.status).toBe(200);
      expect(doc.body.dischargeCase).toEqual(expected);
      // the link leads somewhere the reader may go
      expect((await reader.get(`/api/discharge-cases/${opened.body.id}`)).status).toBe(200);
      expect((await reader.get<Detail>(`/api/documents/${without}`)).body.dischargeCase).toBeNull();
    }
  });
});
