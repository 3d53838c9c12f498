import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { inboxJobs } from '../../platform/inbox/fan-out.job';
import { runDueJobs } from '../../platform/jobs/job-runner';
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
    // A directory pharmacy with a FAX number and no account: the demo names it 見本 一郎's pharmacy.
    const pharmacy = await createTestFacility(t.db, { type: 'pharmacy', fax: '03-5555-0199' });
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

    // the fan-out puts them in the family doctor's inbox, the answered one already settled
    await runDueJobs({ deps: t.deps, handlers: inboxJobs, batchSize: 100 });
    const inbox = await t.db
      .selectFrom('inbox_notices as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['i.kind', 'i.acknowledged_at'])
      .where('u.email', '=', 'clinician@demo.zaitaku.jp')
      .execute();
    expect(inbox.filter((n) => n.kind === 'discharge.provider_change' && !n.acknowledged_at)).toHaveLength(1);
    expect(inbox.filter((n) => n.kind === 'discharge.provider_change' && n.acknowledged_at)).toHaveLength(1);

    // The pharmacy without an account is told of the admission by FAX (a sheet the hospital prints).
    const byFax = await t.db
      .selectFrom('case_notices')
      .select(['kind', 'channel'])
      .where('recipient_facility_id', '=', pharmacy.id)
      .execute();
    expect(byFax).toEqual([{ kind: 'admission', channel: 'fax' }]);

    const cases = await t.db.selectFrom('discharge_cases').select('status').execute();
    expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThan(1);
    // seeding twice adds nothing
    await seedDischargeDemo(t.deps, '131105', quiet);
    expect(await t.db.selectFrom('discharge_cases').select('id').execute()).toHaveLength(cases.length);
  });
});
