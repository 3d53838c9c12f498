import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { demoTestUser } from '../../../../test/support/demo-users';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { InboxPage } from '../../../contracts/inbox';
import type { IncomingReferralPage, ReferralDto } from '../../../contracts/referrals';
import { DEMO_EMAILS, demoContext } from '../../demo/demo-context';
import { inboxJobs } from '../../platform/inbox/fan-out.job';
import { runDueJobs } from '../../platform/jobs/job-runner';
import { accountsModule } from '../accounts';
import { patientsModule } from '../patients';
import { seedDischargeDemo } from './demo.seed';
import { seedIncomingForClinician } from './referral-demo.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const quiet = () => undefined;

describe('the referral demo', () => {
  it('puts a sent and an accepted referral on a demo case the hospital sees', async () => {
    await createMeguro(t.db);
    await createTestFacility(t.db, { type: 'visiting_nurse_station', capacity: { signal: 'accepting' } });
    await createTestFacility(t.db, { type: 'visiting_nurse_station', capacity: { signal: 'waitlist' } });
    await accountsModule.seedDemo?.(t.deps, '131105', quiet);
    await patientsModule.seedDemo?.(t.deps, '131105', quiet);
    await seedDischargeDemo(t.deps, '131105', quiet);

    const referrals = await t.db
      .selectFrom('referrals')
      .select(['status', 'case_id', 'capacity_signal', 'agreement_given_at'])
      .where('role', '=', 'visiting_nurse')
      .orderBy('status')
      .execute();
    expect(referrals.map((r) => r.status)).toEqual(['accepted', 'sent']);
    expect(referrals.every((r) => r.case_id !== null && r.agreement_given_at !== null)).toBe(true);
    expect(referrals.map((r) => r.capacity_signal).sort()).toEqual(['accepting', 'waitlist']);
  });

  it('sends the demo clinician’s clinic, once linked to a directory clinic, a referral it sees as incoming', async () => {
    const clinic = await createTestFacility(t.db, { type: 'clinic' });
    // The directory demo links the demo clinic organisation to a demo clinic (linkDemoClinic).
    await t.db
      .updateTable('organisations')
      .set({ facility_id: clinic.id })
      .where('name', '=', 'デモ青葉在宅クリニック（デモ）')
      .execute();
    const hospital = await demoContext(t.deps, '131105', DEMO_EMAILS.hospital);
    if (!hospital) throw new Error('the accounts demo has no hospital account');
    const agreement = {
      givenBy: 'patient' as const,
      method: 'in_person' as const,
      givenAt: new Date().toISOString(),
    };
    expect(await seedIncomingForClinician(t.deps, hospital, '131105', agreement)).toBe(true);

    const incoming = await t.db
      .selectFrom('referrals')
      .select(['status', 'role', 'recipient_organisation_id'])
      .where('recipient_facility_id', '=', clinic.id)
      .execute();
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ status: 'sent', role: 'home_visit_doctor' });
    expect(incoming[0]?.recipient_organisation_id).not.toBeNull();
  });

  it('sends the dental association’s desk a dentist referral it sees in its incoming list and inbox, and the desk names a dentist', async () => {
    const desk = await demoTestUser(t.db, DEMO_EMAILS.dentalDesk);
    const hospital = await demoTestUser(t.db, DEMO_EMAILS.hospital);
    const deskOrg = await t.db
      .selectFrom('organisations')
      .select(['kind', 'name'])
      .where('id', '=', desk.organisationId)
      .executeTakeFirstOrThrow();
    expect(deskOrg).toEqual({
      kind: 'association',
      name: '目黒区歯科医師会 かかりつけ歯科医紹介窓口（デモ）',
    });
    // Seeded by the first test's seedDischargeDemo, on a case of the hospital whose patient has no dentist.
    const rows = await t.db
      .selectFrom('referrals')
      .select(['id', 'status', 'case_id', 'via_association', 'recipient_organisation_id'])
      .where('role', '=', 'family_dentist')
      .execute();
    expect(rows).toEqual([
      {
        id: expect.any(String),
        status: 'sent',
        case_id: expect.any(String),
        via_association: true,
        recipient_organisation_id: desk.organisationId,
      },
    ]);
    const id = rows[0]?.id as string;

    const api = createApiClient(t.app);
    const incoming = await api.as(desk).get<IncomingReferralPage>('/api/referrals/incoming');
    expect(incoming.status).toBe(200);
    const seen = incoming.body.items.find((r) => r.id === id);
    expect(seen?.actions).toContain('name');
    expect(seen?.patient?.name).toMatch(/^見本 /);
    await runDueJobs({ deps: t.deps, handlers: inboxJobs, batchSize: 100 });
    const inbox = await api.as(desk).get<InboxPage>('/api/inbox');
    const notices = inbox.body.items.filter((n) => n.kind === 'referrals.sent' && n.recordId === id);
    expect(notices).toHaveLength(1);
    // The desk names the dentist, it does not accept: its notice asks for that.
    expect(notices[0]?.body).toContain('担当する歯科医を名簿から指名してください');
    expect(inbox.body.unreadCount).toBeGreaterThan(0);

    const dentist = await createTestFacility(t.db, { type: 'dental_clinic' });
    const named = await api
      .as(desk)
      .post<ReferralDto>(`/api/referrals/${id}/name`, { facilityId: dentist.id });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    const outcome = await api.as(hospital).get<ReferralDto>(`/api/referrals/${id}`);
    expect([outcome.body.status, outcome.body.namedFacilityId]).toEqual(['completed', dentist.id]);
  });
});
