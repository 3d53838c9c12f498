import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import type { FhirJson as Json } from '../../../../test/support/fhir';
import type { DocumentKind } from '../../../contracts/documents';
import { demoNursingSummary } from './demo.seed';
import { checkDocumentBundle } from './document-fhir-check';

const forms: Array<[string, DocumentKind, Record<string, unknown>]> = [
  [
    '紹介状, every field',
    'referral_letter',
    {
      toInstitution: '目黒訪問クリニック',
      toDoctor: '在宅 一郎 先生',
      purpose: '退院後の訪問診療をお願いします。',
      diagnosis: '慢性心不全\n2型糖尿病',
      presentIllness: '11月に心不全の増悪で入院。',
      allergies: 'ペニシリン',
      remarks: '独居',
    },
  ],
  [
    '紹介状, required fields',
    'referral_letter',
    { toInstitution: '目黒訪問クリニック', purpose: '依頼', diagnosis: '肺炎' },
  ],
  [
    '退院時サマリー, every field',
    'discharge_summary',
    {
      admittedOn: '2026-11-01',
      dischargedOn: '2026-11-20',
      destination: 'care_facility',
      admissionDetails: '救急外来から入院',
      admissionDiagnosis: '慢性心不全の急性増悪',
      chiefComplaint: '息切れ',
      admissionReason: '心不全の増悪',
      presentIllness: '10月末から息切れ。',
      hospitalCourse: '利尿薬で改善。',
      dischargeDetails: '自宅へ退院',
      dischargeDiagnosis: '慢性心不全',
      dischargeMedications: 'フロセミド錠 20mg 朝\nエナラプリル錠 5mg 朝',
      dischargePlan: '2週間後に外来',
      allergies: 'なし',
    },
  ],
  [
    '退院時サマリー, required fields',
    'discharge_summary',
    {
      admittedOn: '2026-11-01',
      dischargedOn: '2026-11-20',
      admissionDiagnosis: '肺炎',
      hospitalCourse: '抗菌薬で改善。',
      dischargeDiagnosis: '肺炎',
    },
  ],
  ['看護サマリー, every field', 'nursing_summary', { ...demoNursingSummary, admittedOn: '2026-11-01' }],
  ['看護サマリー, an empty form', 'nursing_summary', {}],
];

describe('documents: the FHIR export through the API has the JP-CLINS shape and is access-logged', () => {
  const d = startDischargeSuite();

  const issue = async (
    kind: DocumentKind,
    content: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => {
    const staff = d.api.as(d.s.hospital.staff);
    const created = await staff.post<{ id: string }>('/api/documents', {
      patientId: d.s.patient.id,
      kind,
      content,
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const final = await staff.post(`/api/documents/${created.body.id}/finalise`, { version: 1 });
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    return created.body.id;
  };
  const exportLogRows = (documentId: string, userId: string) =>
    d.t.db
      .selectFrom('access_log')
      .select(['patient_id', 'action'])
      .where('record_type', '=', 'document')
      .where('record_id', '=', documentId)
      .where('actor_user_id', '=', userId)
      .execute();
  /** Every access-log row of the patient by the user, of any record (an export must write just one). */
  const patientLogRows = (userId: string) =>
    d.t.db
      .selectFrom('access_log')
      .select(['id', 'record_type', 'record_id', 'action'])
      .where('patient_id', '=', d.s.patient.id)
      .where('actor_user_id', '=', userId)
      .execute();

  it.each(forms)(
    '%s: the reader’s export passes the check, and writes exactly one export row for the patient',
    async (_, kind, content) => {
      const id = await issue(kind, content);
      const reader = d.s.familyDoctor.user;
      const before = new Set((await patientLogRows(reader.id)).map((r) => r.id));
      const res = await d.api.as(reader).get<Json>(`/api/documents/${id}/fhir`);
      expect(res.status).toBe(200);
      expect(checkDocumentBundle(res.body, kind)).toEqual([]);
      const patient = res.body.entry.find((e: Json) => e.resource.resourceType === 'Patient').resource;
      expect(patient.identifier[0].value).toBe(d.s.patient.id);
      const added = (await patientLogRows(reader.id))
        .filter((r) => !before.has(r.id))
        .map(({ id: _id, ...r }) => r);
      expect(added).toEqual([{ record_type: 'document', record_id: id, action: 'export' }]);
    },
  );

  it('logs reading a document as a read and its export as an export, one row each', async () => {
    const id = await issue('discharge_summary', forms[3]?.[2] as Record<string, unknown>);
    const reader = d.api.as(d.s.familyDoctor.user);
    expect((await reader.get(`/api/documents/${id}`)).status).toBe(200);
    expect((await reader.get(`/api/documents/${id}/fhir`)).status).toBe(200);
    const rows = await exportLogRows(id, d.s.familyDoctor.user.id);
    expect(rows.map((r) => r.action).sort()).toEqual(['export', 'read']);
    expect(rows.every((r) => r.patient_id === d.s.patient.id)).toBe(true);
  });

  it('exports a 紹介状 written for a discharge case as a DISCHARGE document, with the patient’s address', async () => {
    const opened = await d.api.as(d.s.hospital.staff).post<{ id: string }>('/api/discharge-cases', {
      patientId: d.s.patient.id,
      hospitalFacilityId: d.s.hospital.facilityId,
      admittedOn: '2026-11-20',
      expectedDischargeOn: '2026-12-10',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const content = { toInstitution: '目黒訪問クリニック', purpose: '依頼', diagnosis: '肺炎' };
    const ofCase = await issue('referral_letter', content, { caseId: opened.body.id });
    const outpatient = await issue('referral_letter', content);
    const category = async (id: string) => {
      const res = await d.api.as(d.s.familyDoctor.user).get<Json>(`/api/documents/${id}/fhir`);
      return res.body.entry[0].resource.category[0].coding[0].code;
    };
    expect(await category(ofCase)).toBe('DISCHARGE');
    expect(await category(outpatient)).toBe('OUTPATIENT');

    const row = await d.t.db
      .selectFrom('patients')
      .select(['address_town'])
      .where('id', '=', d.s.patient.id)
      .executeTakeFirstOrThrow();
    const res = await d.api.as(d.s.familyDoctor.user).get<Json>(`/api/documents/${ofCase}/fhir`);
    const patient = res.body.entry.find((e: Json) => e.resource.resourceType === 'Patient').resource;
    expect(patient.address[0].line[0]).toBe(row.address_town);
  });

  it('gives the author’s Organization the 医療機関コード of its directory facility', async () => {
    await d.t.db
      .updateTable('facilities')
      .set({ medical_institution_code: '1319999991' })
      .where('id', '=', d.s.hospital.facilityId)
      .execute();
    const id = await issue('discharge_summary', forms[3]?.[2] as Record<string, unknown>);
    const res = await d.api.as(d.s.familyDoctor.user).get<Json>(`/api/documents/${id}/fhir`);
    const custodian = res.body.entry[0].resource.custodian.reference;
    const org = res.body.entry.find((e: Json) => e.fullUrl === custodian).resource;
    expect(org.identifier).toEqual([
      { system: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no', value: '1319999991' },
    ]);
    expect(org.meta.profile).toContain('http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS');
    expect(checkDocumentBundle(res.body, 'discharge_summary')).toEqual([]);
  });

  it('answers 404 to a user outside the circle and logs no export for them', async () => {
    const id = await issue('discharge_summary', forms[3]?.[2] as Record<string, unknown>);
    const res = await d.api.as(d.s.outsider).get(`/api/documents/${id}/fhir`);
    expect(res.status).toBe(404);
    expect(await exportLogRows(id, d.s.outsider.id)).toEqual([]);
  });
});
