import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createUser } from '../../../../test/support/factories/accounts';
import { createScenePatient } from '../../../../test/support/factories/discharge';
import { demoNursingSummary } from './demo.seed';

describe('documents follow a merge of duplicate patient records', () => {
  const d = startDischargeSuite();

  it('lists the duplicate’s documents on the record that stays, with their versions intact', async () => {
    const duplicate = await createScenePatient(d.t.db, d.s);
    const kept = await d.t.db
      .selectFrom('patients')
      .select(['kana_key', 'birth_date'])
      .where('id', '=', d.s.patient.id)
      .executeTakeFirstOrThrow();
    await d.t.db.updateTable('patients').set(kept).where('id', '=', duplicate.id).execute();
    const created = await d.api
      .as(d.s.hospital.staff)
      .post<{ id: string; version: number }>('/api/documents', {
        patientId: duplicate.id,
        kind: 'nursing_summary',
        content: demoNursingSummary,
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const admin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: d.s.municipalityCode });
    const merge = await d.api.as(admin).post('/api/admin/patients/merge', {
      keepId: d.s.patient.id,
      mergeId: duplicate.id,
      reason: '同一人物',
    });
    expect(merge.status, JSON.stringify(merge.body)).toBe(200);

    const list = await d.api
      .as(d.s.hospital.staff)
      .get<{ items: Array<{ id: string }> }>(`/api/documents?patientId=${d.s.patient.id}`);
    expect(list.body.items.map((doc) => doc.id)).toContain(created.body.id);
    const detail = await d.api
      .as(d.s.hospital.staff)
      .get<{ version: number; patientId: string }>(`/api/documents/${created.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ version: created.body.version, patientId: d.s.patient.id });
  });
});
