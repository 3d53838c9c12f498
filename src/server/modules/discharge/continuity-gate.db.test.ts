import { describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import {
  createScenePatient,
  openSceneCase,
  proposeSceneChange,
} from '../../../../test/support/factories/discharge';

type Change = { id: string; status: string; gate: { open: boolean; missing: string[] }; actions: string[] };
type CaseDetail = {
  id: string;
  status: string;
  checklist: Array<{ label: string }>;
  notices: Array<{
    kind: string;
    recipientLabel: string;
    recipientOrganisationId: string | null;
    channel: string;
    status: string;
  }>;
  providerChanges: Change[];
};

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const consent = (overrides: Record<string, unknown> = {}) => ({
  givenBy: 'representative',
  representativeName: '長女 目黒 花子',
  givenAt: minutesAgo(30),
  method: 'in_person',
  agreed: '退院後は訪問診療に切り替える。かかりつけ医には病院から連絡する。',
  offeredKeepCurrent: true,
  offeredSharedCare: true,
  ...overrides,
});

describe('the continuity gate: no provider change is confirmed before consent and the family doctor’s answer', () => {
  const d = startDischargeSuite();

  const openCase = (patientId = d.s.patient.id) => openSceneCase<CaseDetail>(d.api, d.s, patientId);
  const propose = (patientId: string, caseId?: string) =>
    proposeSceneChange<Change>(d.api, d.s, patientId, caseId);
  const post = (user: typeof d.s.hospital.staff, changeId: string, step: string, body?: unknown) =>
    d.api
      .as(user)
      .post<Change & { error?: { code: string } }>(`/api/provider-changes/${changeId}/${step}`, body);

  it('tells the family doctor, dentist, pharmacy and care manager at admission, with the 包括 checklist', async () => {
    const detail = await openCase();
    expect(detail.status).toBe('open');
    expect(detail.checklist.map((i) => i.label)).toEqual([
      '介護保険の申請状況',
      '在宅で必要なサービス',
      '疾患に応じた配慮',
      '医療材料',
      '住環境',
    ]);
    const admission = detail.notices.filter((n) => n.kind === 'admission');
    expect(admission.map((n) => n.recipientOrganisationId)).toContain(d.s.familyDoctor.organisationId);
    // the care manager has no account and no FAX number in the directory: the 包括 is asked to phone
    expect(admission).toHaveLength(2);
    expect(admission.find((n) => n.recipientOrganisationId === null)?.channel).toBe('phone');
    expect(admission.some((n) => n.recipientOrganisationId === d.s.center.organisationId)).toBe(false);
    const pending = await d.api
      .as(d.s.familyDoctor.user)
      .get<{ items: Array<{ kind: string; patientName: string }> }>('/api/discharge-notices/pending');
    expect(pending.body.items).toContainEqual(
      expect.objectContaining({ kind: 'admission', patientName: d.s.patient.name }),
    );
  });

  it('refuses a second active case for the same patient', async () => {
    const res = await d.api.as(d.s.hospital.staff).post('/api/discharge-cases', {
      patientId: d.s.patient.id,
      hospitalName: '区外 病院',
      admittedOn: '2026-11-21',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'discharge.case_open' } });
  });

  it('walks the whole gate: refused without consent, refused without the answer, confirmed after it', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const kase = await openCase(patient.id);
    const change = await propose(patient.id, kase.id);
    expect(change.status).toBe('proposed');
    expect(change.gate.missing).toEqual(['consent', 'incumbent_acknowledgment']);

    const early = await post(d.s.hospital.staff, change.id, 'confirm');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'continuity.consent_missing' } });
    expect((early.body as unknown as { error: { message: string } }).error.message).toContain('同意');

    const consented = await post(d.s.hospital.staff, change.id, 'consent', consent());
    expect(consented.status, JSON.stringify(consented.body)).toBe(200);
    expect(consented.body.status).toBe('consented');

    const beforeNotice = await post(d.s.hospital.staff, change.id, 'confirm');
    expect(beforeNotice.body).toMatchObject({ error: { code: 'continuity.incumbent_not_acknowledged' } });

    const notified = await post(d.s.hospital.staff, change.id, 'notify');
    expect(notified.body.status).toBe('incumbent_notified');
    const waiting = await post(d.s.hospital.staff, change.id, 'confirm');
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({ error: { code: 'continuity.incumbent_not_acknowledged' } });

    // the hospital cannot answer for the family doctor
    const forged = await post(d.s.hospital.staff, change.id, 'respond', { answer: 'agree' });
    expect(forged.status).toBe(403);

    const pending = await d.api
      .as(d.s.familyDoctor.user)
      .get<{ items: Array<{ id: string; kind: string; providerChangeId: string }> }>(
        '/api/discharge-notices/pending',
      );
    const notice = pending.body.items.find((n) => n.providerChangeId === change.id);
    expect(notice?.kind).toBe('provider_change');
    const ack = await d.api
      .as(d.s.familyDoctor.user)
      .post(`/api/discharge-notices/${notice?.id}/acknowledge`, { answer: 'agree' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);

    const confirmed = await post(d.s.hospital.staff, change.id, 'confirm');
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');

    // the circle changed, history kept: the family doctor ended, the home-visit doctor started
    const rows = await d.t.db
      .selectFrom('care_circle_memberships')
      .select(['role', 'organisation_id', 'valid_to'])
      .where('patient_id', '=', patient.id)
      .where('role', 'in', ['family_doctor', 'home_visit_doctor'])
      .execute();
    expect(rows).toContainEqual(
      expect.objectContaining({
        role: 'family_doctor',
        organisation_id: d.s.familyDoctor.organisationId,
        valid_to: expect.any(Date),
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        role: 'home_visit_doctor',
        organisation_id: d.s.homeVisit.organisationId,
        valid_to: null,
      }),
    );

    // consent cannot follow the confirmation it enabled
    const late = await post(d.s.hospital.staff, change.id, 'consent', consent());
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'provider_change.invalid_transition' } });

    const audit = await d.t.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', change.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'discharge.change.propose',
        'discharge.change.record_consent',
        'discharge.change.confirm',
      ]),
    );
    const logged = await d.t.db
      .selectFrom('access_log')
      .select('action')
      .where('record_id', '=', change.id)
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('takes an objection with its reason as an answer, and refuses one without', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await propose(patient.id);
    await post(d.s.hospital.staff, change.id, 'consent', consent());
    await post(d.s.hospital.staff, change.id, 'notify');
    const bare = await post(d.s.familyDoctor.user, change.id, 'respond', { answer: 'object' });
    expect(bare.status).toBe(400);
    const objected = await post(d.s.familyDoctor.user, change.id, 'respond', {
      answer: 'object',
      reason: '月1回の往診で対応できます',
    });
    expect(objected.body.status).toBe('objected');
    expect(objected.body).toMatchObject({
      response: { answer: 'object', reason: '月1回の往診で対応できます' },
    });
    const kept = await post(d.s.hospital.staff, change.id, 'keep');
    expect(kept.body.status).toBe('kept_current');
  });

  it('refuses consent dated in the future', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await propose(patient.id);
    const future = await post(
      d.s.hospital.staff,
      change.id,
      'consent',
      consent({ givenAt: new Date(Date.now() + 3600_000).toISOString() }),
    );
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ error: { code: 'continuity.consent_in_future' } });
    const noName = await post(
      d.s.hospital.staff,
      change.id,
      'consent',
      consent({ representativeName: undefined }),
    );
    expect(noName.status).toBe(400);
  });

  it('overrides only with a reason code and a second user other than oneself', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await propose(patient.id);
    for (const body of [
      {},
      { reasonCode: 'emergency' },
      { secondUserEmail: d.s.hospital.colleague.email },
      { reasonCode: 'emergency', secondUserEmail: d.s.hospital.staff.email },
      { reasonCode: 'emergency', secondUserEmail: d.s.familyDoctor.user.email },
    ]) {
      const refused = await post(d.s.hospital.staff, change.id, 'override', body);
      expect(refused.status, JSON.stringify(body)).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: 'continuity.override_reason_required' } });
    }
    const done = await post(d.s.hospital.staff, change.id, 'override', {
      reasonCode: 'emergency',
      secondUserEmail: d.s.hospital.colleague.email,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('confirmed_override');
    const row = await d.t.db
      .selectFrom('provider_change_overrides')
      .selectAll()
      .where('change_id', '=', change.id)
      .executeTakeFirst();
    expect(row).toMatchObject({
      reason_code: 'emergency',
      second_user_id: d.s.hospital.colleague.id,
      requested_by: d.s.hospital.staff.id,
    });
  });

  it('lets one of two simultaneous confirmations win; the other gets a 409 with a code', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await propose(patient.id);
    await post(d.s.hospital.staff, change.id, 'consent', consent());
    await post(d.s.hospital.staff, change.id, 'notify');
    await post(d.s.familyDoctor.user, change.id, 'respond', { answer: 'agree' });
    await d.api.as(d.s.hospital.colleague).get(`/api/provider-changes/${change.id}`);
    const [a, b] = await Promise.all([
      post(d.s.hospital.staff, change.id, 'confirm'),
      post(d.s.hospital.colleague, change.id, 'confirm'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['provider_change.invalid_transition', 'conflict']).toContain(loser.body.error?.code);
    const members = await d.t.db
      .selectFrom('care_circle_memberships')
      .select('id')
      .where('patient_id', '=', patient.id)
      .where('role', '=', 'home_visit_doctor')
      .execute();
    expect(members).toHaveLength(1);
  });

  it('answers 404 to a doctor outside the circle, for the case, the change and the list', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const kase = await openCase(patient.id);
    const change = await propose(patient.id, kase.id);
    const outsider = d.api.as(d.s.outsider);
    expect((await outsider.get(`/api/discharge-cases/${kase.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/provider-changes/${change.id}`)).status).toBe(404);
    expect(
      (await outsider.post(`/api/provider-changes/${change.id}/respond`, { answer: 'agree' })).status,
    ).toBe(404);
    const list = await outsider.get<{ items: Array<{ id: string }> }>('/api/discharge-cases?filter=all');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => c.id)).not.toContain(kase.id);
    const mine = await d.api
      .as(d.s.hospital.staff)
      .get<{ items: Array<{ id: string }> }>('/api/discharge-cases?filter=all');
    expect(mine.body.items.map((c) => c.id)).toContain(kase.id);
  });

  it('shows the cases and changes, each with its id and status, on the patient page', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const kase = await openCase(patient.id);
    const change = await propose(patient.id, kase.id);
    const res = await d.api
      .as(d.s.hospital.staff)
      .get<{ cases: Array<{ id: string }>; providerChanges: Change[] }>(`/api/patients/${patient.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.cases.map((c) => c.id)).toEqual([kase.id]);
    expect(res.body.providerChanges).toContainEqual(
      expect.objectContaining({ id: change.id, status: 'proposed' }),
    );
  });

  it('moves a case only along its workflow', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const kase = await openCase(patient.id);
    const move = (event: string) =>
      d.api
        .as(d.s.hospital.staff)
        .post<CaseDetail & { error?: { code: string } }>(`/api/discharge-cases/${kase.id}/transitions`, {
          event,
        });
    expect((await move('discharge')).body.error?.code).toBe('discharge.invalid_transition');
    expect((await move('plan')).body.status).toBe('planning');
    expect((await move('schedule')).body.status).toBe('scheduled');
    expect((await move('discharge')).body.status).toBe('discharged');
  });
});
