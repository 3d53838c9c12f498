import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createUser, type TestUser } from '../../../../test/support/factories/accounts';
import {
  createScenePatient,
  openSceneCase,
  proposeSceneChange,
} from '../../../../test/support/factories/discharge';

type Detail = { cases: Array<{ id: string }>; providerChanges: Array<{ id: string }> };

describe('discharge work follows a merge of duplicate patient records', () => {
  const d = startDischargeSuite();
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: d.s.municipalityCode });
  });

  /** A second record of the same person (same kana and birth date), with the scene's circle. */
  async function duplicateOf(patientId: string) {
    const duplicate = await createScenePatient(d.t.db, d.s);
    const same = await d.t.db
      .selectFrom('patients')
      .select(['kana_key', 'birth_date'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    await d.t.db.updateTable('patients').set(same).where('id', '=', duplicate.id).execute();
    return duplicate;
  }
  const openCase = (patientId: string) => openSceneCase(d.api, d.s, patientId);
  const propose = (patientId: string, caseId: string) => proposeSceneChange(d.api, d.s, patientId, caseId);
  const merge = (keepId: string, mergeId: string) =>
    d.api.as(admin).post('/api/admin/patients/merge', { keepId, mergeId, reason: '同一人物' });

  it('moves the duplicate’s case, its provider change and its notices to the record kept', async () => {
    const kept = await createScenePatient(d.t.db, d.s);
    const duplicate = await duplicateOf(kept.id);
    const kase = await openCase(duplicate.id);
    const change = await propose(duplicate.id, kase.id);
    const notices = await d.t.db
      .selectFrom('case_notices')
      .select('id')
      .where('patient_id', '=', duplicate.id)
      .execute();
    expect(notices.length).toBeGreaterThan(0);

    const merged = await merge(kept.id, duplicate.id);
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    const page = await d.api.as(d.s.hospital.staff).get<Detail>(`/api/patients/${kept.id}`);
    expect(page.status).toBe(200);
    expect(page.body.cases.map((c) => c.id)).toContain(kase.id);
    expect(page.body.providerChanges.map((c) => c.id)).toContain(change.id);
    const left = await d.t.db
      .selectFrom('case_notices')
      .select('id')
      .where('patient_id', '=', duplicate.id)
      .execute();
    expect(left).toEqual([]);
    const caseAfter = await d.api
      .as(d.s.hospital.staff)
      .get<{ patientId: string }>(`/api/discharge-cases/${kase.id}`);
    expect(caseAfter.status).toBe(200);
    expect(caseAfter.body.patientId).toBe(kept.id);
  });

  it('refuses with 409 when both records have an active case, and changes nothing', async () => {
    const kept = await createScenePatient(d.t.db, d.s);
    const duplicate = await duplicateOf(kept.id);
    const keptCase = await openCase(kept.id);
    const duplicateCase = await openCase(duplicate.id);

    const merged = await merge(kept.id, duplicate.id);
    expect(merged.status).toBe(409);
    expect(merged.body).toMatchObject({ error: { code: 'discharge.merge_open_work' } });
    expect((merged.body as { error: { message: string } }).error.message).toContain('終了するか取り下げて');

    const patients = await d.t.db
      .selectFrom('patients')
      .select(['id', 'status'])
      .where('id', 'in', [kept.id, duplicate.id])
      .execute();
    expect(patients.map((p) => p.status)).toEqual(['active', 'active']);
    const cases = await d.t.db
      .selectFrom('discharge_cases')
      .select(['id', 'patient_id'])
      .where('id', 'in', [keptCase.id, duplicateCase.id])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(cases.map((c) => [c.id, c.patient_id]))).toEqual({
      [keptCase.id]: kept.id,
      [duplicateCase.id]: duplicate.id,
    });
  });
});
