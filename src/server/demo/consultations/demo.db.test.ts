import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { fiscalYearOf } from '../../../contracts/japanese-calendar';
import { accountsModule } from '../../modules/accounts';
import { consultationYearTotals } from '../../modules/consultations';
import { seedConsultationsDemo } from './demo-seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const quiet = () => undefined;

describe('the consultation desk demo', () => {
  it('gives the five demo windows consultations over two fiscal years, some from hospitals outside the ward, some flagged; once', async () => {
    await createMeguro(t.db);
    await accountsModule.seedDemo?.(t.deps, '131105', quiet);
    await seedConsultationsDemo(t.deps, '131105', quiet);

    const rows = await t.db
      .selectFrom('consultations')
      .select(['organisation_id', 'gap_flags', 'opened_by'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.organisation_id)).size).toBe(5);
    expect(rows.some((r) => r.gap_flags.length > 0)).toBe(true);
    // the demo centre's through the use cases, as its coordinator
    expect(rows.filter((r) => r.opened_by !== null).length).toBe(24);

    const thisYear = fiscalYearOf(new Date());
    const previous = await consultationYearTotals(t.deps, '131105', thisYear - 1);
    const current = await consultationYearTotals(t.deps, '131105', thisYear);
    expect(previous.persons).toBeGreaterThan(0);
    expect(current.persons).toBeGreaterThan(0);
    expect(
      previous.medicalInstitutionContacts.outsideWard + current.medicalInstitutionContacts.outsideWard,
    ).toBeGreaterThan(0);

    await seedConsultationsDemo(t.deps, '131105', quiet);
    expect(await t.db.selectFrom('consultations').select('id').execute()).toHaveLength(rows.length);
  });
});
