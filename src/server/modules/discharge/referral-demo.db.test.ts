import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { DEMO_EMAILS, demoContext } from '../../demo/demo-context';
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
});
