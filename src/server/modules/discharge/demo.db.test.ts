import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro } from '../../../../test/support/factories/directory';
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

describe('the discharge demo', () => {
  it('gives the demo hospital changes behind the gate and the demo family doctor notices to answer', async () => {
    await createMeguro(t.db);
    await accountsModule.seedDemo?.(t.deps, '131105', quiet);
    await patientsModule.seedDemo?.(t.deps, '131105', quiet);
    await seedDischargeDemo(t.deps, '131105', quiet);

    const changes = await t.db.selectFrom('provider_changes').select('status').execute();
    expect(changes.map((c) => c.status).sort()).toEqual(['confirmed', 'incumbent_notified', 'proposed']);
    const clinic = await t.db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.user_id', 'u.id')
      .select('m.organisation_id')
      .where('u.email', '=', 'clinician@demo.zaitaku.jp')
      .executeTakeFirstOrThrow();
    const pending = await t.db
      .selectFrom('case_notices')
      .select(['kind', 'status'])
      .where('recipient_organisation_id', '=', clinic.organisation_id)
      .where('status', '<>', 'acknowledged')
      .execute();
    expect(pending.map((n) => n.kind)).toContain('provider_change');
    expect(pending.map((n) => n.kind)).toContain('admission');

    const cases = await t.db.selectFrom('discharge_cases').select('status').execute();
    expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThan(1);
    // seeding twice adds nothing
    await seedDischargeDemo(t.deps, '131105', quiet);
    expect(await t.db.selectFrom('discharge_cases').select('id').execute()).toHaveLength(cases.length);
  });
});
