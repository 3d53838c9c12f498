import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeguro } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { accountsModule } from '../accounts';
import { dischargeModule } from '../discharge';
import { patientsModule } from '../patients';
import { seedDocumentsDemo } from './demo.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const quiet = () => undefined;

describe('the documents demo', () => {
  it('gives the demo hospital a finalised nursing summary the demo family doctor has read', async () => {
    await createMeguro(t.db);
    await accountsModule.seedDemo?.(t.deps, '131105', quiet);
    await patientsModule.seedDemo?.(t.deps, '131105', quiet);
    await dischargeModule.seedDemo?.(t.deps, '131105', quiet);
    await seedDocumentsDemo(t.deps, '131105', quiet);

    const documents = await t.db
      .selectFrom('documents')
      .select(['id', 'kind', 'status', 'case_id'])
      .execute();
    expect(documents).toEqual([expect.objectContaining({ kind: 'nursing_summary', status: 'final' })]);
    expect(documents[0]?.case_id).toEqual(expect.any(String));
    const receipts = await t.db
      .selectFrom('document_receipts')
      .select(['reader_user_id', 'version'])
      .execute();
    const clinician = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'clinician@demo.zaitaku.jp')
      .executeTakeFirstOrThrow();
    expect(receipts).toEqual([{ reader_user_id: clinician.id, version: 2 }]);
    // seeding twice adds nothing
    await seedDocumentsDemo(t.deps, '131105', quiet);
    expect(await t.db.selectFrom('documents').select('id').execute()).toHaveLength(1);
  });
});
