import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import {
  createScenePatient,
  proposeSceneChange,
  recordSceneConsent,
} from '../../../../test/support/factories/discharge';
import { expectResolvingDocumentBundle } from '../../../../test/support/fhir';
import { demoNursingSummary } from './demo.seed';

type Detail = {
  id: string;
  status: string;
  version: number;
  shownVersion: number;
  shownVersionStatus: string;
  content: Record<string, unknown>;
  versions: Array<{ version: number; status: string }>;
  receipts: Array<{ version: number; readerName: string; organisationName: string | null }> | null;
  actions: string[];
  readCount: number | null;
  mine: boolean;
  error?: { code: string };
};

const referral = {
  toInstitution: '目黒訪問クリニック',
  toDoctor: '在宅 一郎 先生',
  purpose: '退院後の訪問診療をお願いします。',
  diagnosis: '慢性心不全',
  presentIllness: '11月に心不全の増悪で入院。',
};
const dischargeSummary = {
  admittedOn: '2026-11-01',
  dischargedOn: '2026-11-20',
  admissionDiagnosis: '慢性心不全の急性増悪',
  hospitalCourse: '利尿薬で改善。',
  dischargeDiagnosis: '慢性心不全',
  dischargeMedications: 'フロセミド 20mg 朝',
};

describe('documents: versioned nursing summaries, referral letters and discharge summaries with read receipts', () => {
  const d = startDischargeSuite();

  const create = async (kind: string, content: unknown, extra: Record<string, unknown> = {}) => {
    const res = await d.api
      .as(d.s.hospital.staff)
      .post<Detail>('/api/documents', { patientId: d.s.patient.id, kind, content, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const finalise = (id: string, version: number, user = d.s.hospital.staff) =>
    d.api.as(user).post<Detail>(`/api/documents/${id}/finalise`, { version });

  it('keeps a draft to the author’s organisation, versions each save and refuses a stale version', async () => {
    const draft = await create('nursing_summary', demoNursingSummary);
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      mine: true,
      actions: ['save', 'finalise', 'withdraw'],
    });
    expect((draft.content.adl as Record<string, string>).bathing).toBe('full_assistance');

    // the family doctor is in the circle, but a draft is not shared yet
    expect((await d.api.as(d.s.familyDoctor.user).get(`/api/documents/${draft.id}`)).status).toBe(404);
    const list = await d.api
      .as(d.s.familyDoctor.user)
      .get<{ items: Detail[] }>(`/api/documents?patientId=${d.s.patient.id}`);
    expect(list.body.items.map((doc) => doc.id)).not.toContain(draft.id);

    const saved = await d.api.as(d.s.hospital.colleague).put<Detail>(`/api/documents/${draft.id}`, {
      version: 1,
      content: { ...demoNursingSummary, sleep: '良眠' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, status: 'draft' });
    expect(saved.body.content.sleep).toBe('良眠');

    const stale = await d.api
      .as(d.s.hospital.staff)
      .put<Detail>(`/api/documents/${draft.id}`, { version: 1, content: demoNursingSummary });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('documents.version_conflict');
    expect((await finalise(draft.id, 1)).body.error?.code).toBe('documents.version_conflict');
  });

  it('lets one of two saves on the same version win and answers the other with a conflict', async () => {
    const draft = await create('nursing_summary', {});
    const [a, b] = await Promise.all(
      ['夜間 1 回覚醒', '夜間 3 回覚醒'].map((sleep) =>
        d.api
          .as(d.s.hospital.staff)
          .put<Detail>(`/api/documents/${draft.id}`, { version: 1, content: { sleep } }),
      ),
    );
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const latest = await d.api.as(d.s.hospital.staff).get<Detail>(`/api/documents/${draft.id}`);
    expect(latest.body.version).toBe(2);
    expect(latest.body.versions).toHaveLength(2);
  });

  it('refuses content its schema does not allow: an ADL score outside the four grades', async () => {
    const res = await d.api.as(d.s.hospital.staff).post<Detail>('/api/documents', {
      patientId: d.s.patient.id,
      kind: 'nursing_summary',
      content: { adl: { bathing: 'sometimes' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('documents.content_invalid');
    const letter = await d.api.as(d.s.hospital.staff).post<Detail>('/api/documents', {
      patientId: d.s.patient.id,
      kind: 'referral_letter',
      content: { toInstitution: '目黒訪問クリニック' },
    });
    expect(letter.body.error?.code).toBe('documents.content_invalid');
  });

  it('shares a final version with the circle, records who read which version, and shows receipts to the author only', async () => {
    const draft = await create('nursing_summary', demoNursingSummary);
    const final = await finalise(draft.id, draft.version);
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    expect(final.body).toMatchObject({ status: 'final', version: 2, actions: ['amend', 'withdraw'] });

    const read = await d.api.as(d.s.familyDoctor.user).get<Detail>(`/api/documents/${draft.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      shownVersion: 2,
      receipts: null,
      mine: false,
      readCount: null,
      actions: [],
    });
    // reading twice leaves one receipt
    await d.api.as(d.s.familyDoctor.user).get(`/api/documents/${draft.id}`);
    // the author's colleague reading does not count as a recipient
    await d.api.as(d.s.hospital.colleague).get(`/api/documents/${draft.id}`);

    const mine = await d.api.as(d.s.hospital.staff).get<Detail>(`/api/documents/${draft.id}`);
    expect(mine.body.receipts).toEqual([
      expect.objectContaining({
        version: 2,
        readerName: expect.any(String),
        organisationName: expect.any(String),
      }),
    ]);
    expect(mine.body.readCount).toBe(1);

    // an amendment is a new final version; the receipt stays on version 2 and the count restarts
    const amended = await d.api.as(d.s.hospital.staff).put<Detail>(`/api/documents/${draft.id}`, {
      version: 2,
      content: { ...demoNursingSummary, sleep: '良眠' },
    });
    expect(amended.body).toMatchObject({ status: 'final', version: 3, readCount: 0 });
    expect(amended.body.versions.map((v) => [v.version, v.status])).toEqual([
      [3, 'final'],
      [2, 'final'],
      [1, 'draft'],
    ]);
    const old = await d.api.as(d.s.familyDoctor.user).get<Detail>(`/api/documents/${draft.id}?version=2`);
    expect(old.body).toMatchObject({ shownVersion: 2, version: 3 });
    // a reader never opens a draft version from the history
    expect((await d.api.as(d.s.familyDoctor.user).get(`/api/documents/${draft.id}?version=1`)).status).toBe(
      404,
    );
    // a reader cannot write
    const write = await d.api
      .as(d.s.familyDoctor.user)
      .put<Detail>(`/api/documents/${draft.id}`, { version: 3, content: demoNursingSummary });
    expect(write.status).toBe(403);

    const section = await d.api
      .as(d.s.familyDoctor.user)
      .get<{ documents: Detail[] }>(`/api/patients/${d.s.patient.id}`);
    expect(section.body.documents.map((doc) => doc.id)).toContain(draft.id);
  });

  it('answers 404 outside the circle, for the document, the list and the export, and logs every access', async () => {
    const draft = await create('discharge_summary', dischargeSummary);
    await finalise(draft.id, 1);
    for (const url of [
      `/api/documents/${draft.id}`,
      `/api/documents/${draft.id}/fhir`,
      `/api/documents?patientId=${d.s.patient.id}`,
    ]) {
      const res = await d.api.as(d.s.outsider).get<Detail>(url);
      expect(res.status, url).toBe(404);
    }
    const logged = await d.t.db
      .selectFrom('access_log')
      .select(['record_type', 'action'])
      .where('record_id', '=', draft.id)
      .execute();
    expect(logged).toContainEqual({ record_type: 'document', action: 'write' });
    expect(logged).toContainEqual({ record_type: 'document', action: 'read' });
  });

  it('does not issue a referral letter of a provider change before the family’s consent', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await proposeSceneChange(d.api, d.s, patient.id);
    const other = await d.api.as(d.s.hospital.staff).post<Detail>('/api/documents', {
      patientId: d.s.patient.id,
      kind: 'referral_letter',
      content: referral,
      providerChangeId: change.id,
    });
    expect(other.body.error?.code).toBe('documents.link_invalid');

    const letter = await d.api.as(d.s.hospital.staff).post<Detail>('/api/documents', {
      patientId: patient.id,
      kind: 'referral_letter',
      content: referral,
      providerChangeId: change.id,
    });
    expect(letter.status).toBe(201);
    const refused = await finalise(letter.body.id, 1);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('continuity.consent_missing');

    await recordSceneConsent(d.api, d.s, change.id);
    const issued = await finalise(letter.body.id, 1);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.status).toBe('final');
  });

  it('exports final documents as FHIR document Bundles in the JP-CLINS shape, and no draft', async () => {
    const letter = await create('referral_letter', referral);
    const early = await d.api.as(d.s.hospital.staff).get<Detail>(`/api/documents/${letter.id}/fhir`);
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('documents.not_final');
    await finalise(letter.id, 1);
    const summary = await create('discharge_summary', dischargeSummary);
    await finalise(summary.id, 1);
    const nursing = await create('nursing_summary', demoNursingSummary);
    await finalise(nursing.id, 1);

    const ref = await d.api
      .as(d.s.familyDoctor.user)
      .get<Record<string, unknown>>(`/api/documents/${letter.id}/fhir`);
    expect(ref.status).toBe(200);
    expect(ref.headers['content-type']).toContain('application/fhir+json');
    const refComposition = expectResolvingDocumentBundle(ref.body);
    expect(refComposition.type).toEqual({ coding: [expect.objectContaining({ code: '57133-1' })] });
    const refSections = refComposition.section as Array<{
      code: { coding: Array<{ code: string }> };
      section?: unknown[];
    }>;
    expect(refSections.map((x) => x.code.coding[0]?.code)).toEqual(['920', '910', '300']);
    const structured = refSections[2]?.section as Array<{
      code: { coding: Array<{ code: string; system: string }> };
    }>;
    expect(structured.map((x) => x.code.coding[0]?.code)).toEqual(['950', '340', '360', '510']);
    expect(structured[0]?.code.coding[0]?.system).toBe(
      'http://jpfhir.jp/fhir/clins/CodeSystem/document-section',
    );

    const dis = await d.api
      .as(d.s.familyDoctor.user)
      .get<Record<string, unknown>>(`/api/documents/${summary.id}/fhir`);
    const disComposition = expectResolvingDocumentBundle(dis.body);
    expect(disComposition.type).toEqual({ coding: [expect.objectContaining({ code: '18842-5' })] });
    expect(disComposition.event).toEqual([{ period: { start: '2026-11-01', end: '2026-11-20' } }]);
    const disStructured = (
      disComposition.section as Array<{ section: Array<{ code: { coding: Array<{ code: string }> } }> }>
    )[0]?.section;
    expect(disStructured?.map((x) => x.code.coding[0]?.code)).toEqual(
      expect.arrayContaining(['322', '342', '352', '312', '360', '333', '324', '344', '444', '424']),
    );

    const ns = await d.api
      .as(d.s.familyDoctor.user)
      .get<Record<string, unknown>>(`/api/documents/${nursing.id}/fhir`);
    const nsComposition = expectResolvingDocumentBundle(ns.body);
    const nsSections = nsComposition.section as Array<{
      code: { coding: Array<{ code: string; system: string }> };
      text: { div: string };
    }>;
    expect(nsSections[0]?.code.coding[0]?.system).toBe('urn:zaitaku:fhir:CodeSystem:nursing-summary-section');
    expect(nsSections.map((x) => x.code.coding[0]?.code)).toContain('care-methods');
    expect(nsSections.find((x) => x.code.coding[0]?.code === 'adl')?.text.div).toContain('入浴: 全介助');
  });
});
