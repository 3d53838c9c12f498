import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { createUser } from '../../../../test/support/factories/accounts';
import {
  createDischargeScene,
  createScenePatient,
  type DischargeScene,
} from '../../../../test/support/factories/discharge';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { demoNursingSummary } from './demo.seed';

describe('documents follow a merge of duplicate patient records', () => {
  let t: TestApp;
  let s: DischargeScene;
  let api: ReturnType<typeof createApiClient>;

  beforeAll(async () => {
    t = await createTestApp();
    s = await createDischargeScene(t.db);
    api = createApiClient(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the duplicate’s documents on the record that stays, with their versions intact', async () => {
    const duplicate = await createScenePatient(t.db, s);
    const kept = await t.db
      .selectFrom('patients')
      .select(['kana_key', 'birth_date'])
      .where('id', '=', s.patient.id)
      .executeTakeFirstOrThrow();
    await t.db.updateTable('patients').set(kept).where('id', '=', duplicate.id).execute();
    const created = await api.as(s.hospital.staff).post<{ id: string; version: number }>('/api/documents', {
      patientId: duplicate.id,
      kind: 'nursing_summary',
      content: demoNursingSummary,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const admin = await createUser(t.db, { role: 'ward_admin', municipalityCode: s.municipalityCode });
    const merge = await api
      .as(admin)
      .post('/api/admin/patients/merge', { keepId: s.patient.id, mergeId: duplicate.id, reason: '同一人物' });
    expect(merge.status, JSON.stringify(merge.body)).toBe(200);

    const list = await api
      .as(s.hospital.staff)
      .get<{ items: Array<{ id: string }> }>(`/api/documents?patientId=${s.patient.id}`);
    expect(list.body.items.map((d) => d.id)).toContain(created.body.id);
    const detail = await api
      .as(s.hospital.staff)
      .get<{ version: number; patientId: string }>(`/api/documents/${created.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ version: created.body.version, patientId: s.patient.id });
  });
});
