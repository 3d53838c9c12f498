import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createOrganisation, createUser, type TestUser } from '../../../../test/support/factories/accounts';
import { createTestFacility } from '../../../../test/support/factories/directory';
import {
  createSceneNurse,
  createScenePatient,
  openSceneCase,
  proposeSceneChange,
  recordSceneConsent,
} from '../../../../test/support/factories/discharge';

type Referral = {
  id: string;
  status: string;
  reason: string | null;
  openForSameRole: number;
  capacity: { signal: string; setAt: string } | null;
  capacityAtSend: { signal: string; setAt: string } | null;
  namedLabel: string | null;
  actions: string[];
  patient: { name: string; birthDate: string } | null;
  error?: { code: string };
};

const agreement = () => ({
  givenBy: 'patient',
  method: 'in_person',
  givenAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  note: '訪問看護の利用に同意',
});

describe('referrals: one per recipient, behind the continuity gate, answered by the recipient', () => {
  const d = startDischargeSuite();
  let nurseA: { facilityId: string; user: TestUser };
  let nurseB: { facilityId: string };
  let association: { organisationId: string; user: TestUser };
  let dentalFacilityId: string;
  const capacitySetAt = new Date('2026-11-28T01:00:00Z');

  beforeAll(async () => {
    const m = d.s.municipalityCode;
    nurseA = await createSceneNurse(d.t.db, d.s, { capacity: { signal: 'accepting', setAt: capacitySetAt } });
    nurseB = { facilityId: (await createTestFacility(d.t.db, { type: 'visiting_nurse_station' })).id };
    const desk = await createOrganisation(d.t.db, {
      municipalityCode: m,
      kind: 'association',
      name: '目黒区歯科医師会',
    });
    association = {
      organisationId: desk.id,
      user: await createUser(d.t.db, { role: 'clinician', municipalityCode: m, organisationId: desk.id }),
    };
    dentalFacilityId = (await createTestFacility(d.t.db, { type: 'dental_clinic' })).id;
    await d.t.db
      .insertInto('facility_capacity')
      .values({
        facility_id: d.s.homeVisit.facilityId,
        municipality_code: m,
        signal: 'waitlist',
        set_at: capacitySetAt,
        set_by_user_id: null,
      })
      .execute();
  });

  const draft = async (body: Record<string, unknown>, user = d.s.hospital.staff) => {
    const res = await d.api.as(user).post<Referral>('/api/referrals', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('draft');
    return res.body;
  };
  const post = (user: TestUser, id: string, step: string, body?: unknown) =>
    d.api.as(user).post<Referral>(`/api/referrals/${id}/${step}`, body);

  it('refuses to send a referral for a provider change before the consent, then sends it with the capacity seen', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await proposeSceneChange(d.api, d.s, patient.id);
    const referral = await draft({
      patientId: patient.id,
      providerChangeId: change.id,
      role: 'home_visit_doctor',
      recipientFacilityId: d.s.homeVisit.facilityId,
    });
    expect(referral.capacity).toEqual({ signal: 'waitlist', setAt: capacitySetAt.toISOString() });

    const refused = await post(d.s.hospital.staff, referral.id, 'send');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('continuity.consent_missing');

    await recordSceneConsent(d.api, d.s, change.id);
    const sent = await post(d.s.hospital.staff, referral.id, 'send');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.status).toBe('sent');
    expect(sent.body.capacityAtSend).toEqual({ signal: 'waitlist', setAt: capacitySetAt.toISOString() });

    const events = await d.t.db
      .selectFrom('notice_events')
      .select(['recipient_user_ids', 'patient_id'])
      .where('record_id', '=', referral.id)
      .where('kind', '=', 'referrals.sent')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.recipient_user_ids).toContain(d.s.homeVisit.user.id);
  });

  it('refuses a referral that would replace the family doctor without a provider change', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const referral = await draft({
      patientId: patient.id,
      role: 'family_doctor',
      recipientFacilityId: d.s.homeVisit.facilityId,
    });
    const res = await post(d.s.hospital.staff, referral.id, 'send', { agreement: agreement() });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('referrals.change_required');
  });

  it('warns of another open referral for the same role, lets the recipient see and accept it, and closes the other when the nurse joins', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const first = await draft({
      patientId: patient.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurseA.facilityId,
    });
    expect(first.openForSameRole).toBe(0);
    const second = await draft({
      patientId: patient.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurseB.facilityId,
    });
    expect(second.openForSameRole).toBe(1);
    const twice = await d.api.as(d.s.hospital.staff).post<Referral>('/api/referrals', {
      patientId: patient.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurseA.facilityId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('referrals.already_open');

    // A draft is the sender's own: the recipient does not see it yet.
    expect((await d.api.as(nurseA.user).get(`/api/referrals/${first.id}`)).status).toBe(404);

    const withoutAgreement = await post(d.s.hospital.staff, first.id, 'send');
    expect(withoutAgreement.body.error?.code).toBe('continuity.consent_missing');
    expect((await post(d.s.hospital.staff, first.id, 'send', { agreement: agreement() })).body.status).toBe(
      'sent',
    );
    expect((await post(d.s.hospital.staff, second.id, 'send', { agreement: agreement() })).body.status).toBe(
      'sent',
    );

    const incoming = await d.api.as(nurseA.user).get<{ items: Referral[] }>('/api/referrals/incoming');
    expect(incoming.status).toBe(200);
    const mine = incoming.body.items.find((r) => r.id === first.id);
    expect(mine?.patient?.name).toBe(patient.name);
    expect(mine?.actions).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(incoming.body.items.some((r) => r.id === second.id)).toBe(false);
    // The grant is the referral, not the patient: the patient page stays closed to them.
    expect((await d.api.as(nurseA.user).get(`/api/patients/${patient.id}`)).status).toBe(404);
    const logged = await d.t.db
      .selectFrom('access_log')
      .select(['basis', 'action'])
      .where('actor_user_id', '=', nurseA.user.id)
      .where('record_id', '=', first.id)
      .execute();
    expect(logged.some((r) => r.basis === 'referral' && r.action === 'read')).toBe(true);

    const accepted = await post(nurseA.user, first.id, 'accept');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const completed = await post(d.s.hospital.staff, first.id, 'complete');
    expect(completed.body.status).toBe('completed');

    const other = await d.api.as(d.s.hospital.staff).get<Referral>(`/api/referrals/${second.id}`);
    expect(other.body.status).toBe('cancelled');
    expect(other.body.reason).toBe('role_filled');
    // Now in the circle, the nurse reaches the patient itself.
    expect((await d.api.as(nurseA.user).get(`/api/patients/${patient.id}`)).status).toBe(200);
  });

  it('closes open referrals for the role when the provider change is confirmed: the accepted one completes', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const change = await proposeSceneChange(d.api, d.s, patient.id);
    await recordSceneConsent(d.api, d.s, change.id, { method: 'phone' });
    const chosen = await draft({
      patientId: patient.id,
      providerChangeId: change.id,
      role: 'home_visit_doctor',
      recipientFacilityId: d.s.homeVisit.facilityId,
    });
    const spare = await draft({
      patientId: patient.id,
      providerChangeId: change.id,
      role: 'home_visit_doctor',
      recipientFacilityId: nurseB.facilityId,
    });
    await post(d.s.hospital.staff, chosen.id, 'send');
    await post(d.s.hospital.staff, spare.id, 'send');
    expect((await post(d.s.homeVisit.user, chosen.id, 'accept')).body.status).toBe('accepted');
    // A referral for a change completes with the change, not by hand.
    expect((await post(d.s.hospital.staff, chosen.id, 'complete')).status).toBe(409);

    await d.api.as(d.s.hospital.staff).post(`/api/provider-changes/${change.id}/notify`);
    await d.api
      .as(d.s.familyDoctor.user)
      .post(`/api/provider-changes/${change.id}/respond`, { answer: 'agree' });
    const confirmed = await d.api
      .as(d.s.hospital.staff)
      .post<{ status: string }>(`/api/provider-changes/${change.id}/confirm`);
    expect(confirmed.body.status).toBe('confirmed');

    expect(
      (await d.api.as(d.s.hospital.staff).get<Referral>(`/api/referrals/${chosen.id}`)).body.status,
    ).toBe('completed');
    const closed = await d.api.as(d.s.hospital.staff).get<Referral>(`/api/referrals/${spare.id}`);
    expect([closed.body.status, closed.body.reason]).toEqual(['cancelled', 'role_filled']);
    // Closed by the join hook, yet audited like any step: the confirming user, with the request.
    const audited = await d.t.db
      .selectFrom('audit_log')
      .select(['record_id', 'action', 'actor_user_id', 'request_id', 'details'])
      .where('record_type', '=', 'referral')
      .where('record_id', 'in', [chosen.id, spare.id])
      .where('action', 'in', ['discharge.referral.complete', 'discharge.referral.cancel'])
      .execute();
    expect(audited.map((r) => [r.record_id, r.action, r.actor_user_id]).sort()).toEqual(
      [
        [chosen.id, 'discharge.referral.complete', d.s.hospital.staff.id],
        [spare.id, 'discharge.referral.cancel', d.s.hospital.staff.id],
      ].sort(),
    );
    expect(audited.every((r) => r.request_id !== null)).toBe(true);
    expect(audited.find((r) => r.record_id === spare.id)?.details).toMatchObject({ reason: 'role_filled' });
  });

  it('sends to the dental association’s desk, which names the dentist and so completes it', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const referral = await draft({
      patientId: patient.id,
      role: 'family_dentist',
      associationOrganisationId: association.organisationId,
    });
    expect(
      (await post(d.s.hospital.staff, referral.id, 'send', { agreement: agreement() })).body.status,
    ).toBe('sent');
    const seen = await d.api.as(association.user).get<Referral>(`/api/referrals/${referral.id}`);
    expect(seen.body.actions).toContain('name');
    expect(seen.body.actions).not.toContain('accept');
    const named = await post(association.user, referral.id, 'name', { facilityId: dentalFacilityId });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.status).toBe('completed');
    expect(named.body.namedLabel).toMatch(/テスト施設/);
    // Closed: the desk keeps the outcome, not the patient's data.
    expect(named.body.patient).toBeNull();
  });

  it('lets only the association name a provider and asks a reason of a decline', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const referral = await draft({
      patientId: patient.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurseA.facilityId,
    });
    await post(d.s.hospital.staff, referral.id, 'send', { agreement: agreement() });
    const naming = await post(nurseA.user, referral.id, 'name', { facilityId: dentalFacilityId });
    expect(naming.body.error?.code).toBe('referrals.not_association');
    const bare = await post(nurseA.user, referral.id, 'decline', {});
    expect(bare.status).toBe(400);
    expect(bare.body.error?.code).toBe('referrals.reason_required');
    const declined = await post(nurseA.user, referral.id, 'decline', {
      reason: '今月は新規の受け入れ枠がありません',
    });
    expect([declined.body.status, declined.body.reason]).toEqual([
      'declined',
      '今月は新規の受け入れ枠がありません',
    ]);
    expect((await post(nurseA.user, referral.id, 'accept')).body.error?.code).toBe(
      'referrals.invalid_transition',
    );
  });

  it('puts one task per recipient on the case when sending, done when the recipient answers', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const kase = await openSceneCase(d.api, d.s, patient.id);
    const referral = await draft({
      patientId: patient.id,
      caseId: kase.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurseA.facilityId,
    });
    await post(d.s.hospital.staff, referral.id, 'send', { agreement: agreement() });
    const task = () =>
      d.t.db
        .selectFrom('discharge_tasks as d')
        .innerJoin('referrals as r', 'r.task_id', 'd.id')
        .select(['d.title', 'd.done', 'd.due_on'])
        .where('r.id', '=', referral.id)
        .executeTakeFirstOrThrow();
    const waiting = await task();
    expect(waiting.title).toContain('紹介の返事を確認');
    expect(waiting.done).toBe(false);
    expect(waiting.due_on).not.toBeNull();
    await post(nurseA.user, referral.id, 'decline', { reason: '訪問範囲の外です' });
    expect((await task()).done).toBe(true);
  });

  it('answers 404 to anyone outside the circle who is not the recipient', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const referral = await draft({
      patientId: patient.id,
      role: 'visiting_nurse',
      recipientFacilityId: nurseA.facilityId,
    });
    await post(d.s.hospital.staff, referral.id, 'send', { agreement: agreement() });
    const res = await d.api.as(d.s.outsider).get<Referral>(`/api/referrals/${referral.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('referrals.not_found');
    expect((await post(d.s.outsider, referral.id, 'accept')).status).toBe(404);
    const incoming = await d.api.as(d.s.outsider).get<{ items: Referral[] }>('/api/referrals/incoming');
    expect(incoming.body.items).toEqual([]);
  });
});
