import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { accountsModule } from '../accounts';
import { patientsModule } from '../patients';
import { seedDischargeDemo } from './demo.seed';

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
});
