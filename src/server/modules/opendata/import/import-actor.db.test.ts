import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInput } from '../../../../../test/support/opendata/import-options';
import { openTestDatabase } from '../../../../../test/support/test-db';
import { type RequestContext, systemContext } from '../../../platform/context';
import type { DatabaseHandle } from '../../../platform/db/database';
import { importOpenData } from './import.service';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/opendata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

// Who imports comes from the context (the admin page's is tested through HTTP in
// opendata.routes.db.test.ts): the audit row, the import history and the facilities' history name it.
describe('who an open-data import names', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  const imports = () =>
    handle.db.selectFrom('opendata_imports').select(['imported_by_user_id', 'imported_by_label']).execute();

  it('names the system of a system context everywhere it records the import', async () => {
    const ctx = systemContext('cli', '131105');
    const report = await importOpenData(handle, ctx, importInput(fixture('medical-standard.csv'), 'm.csv'));
    expect(report).toMatchObject({ created: 4, committed: true });
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_label', 'request_id'])
      .where('action', '=', 'opendata.import')
      .execute();
    expect(audit).toEqual([{ actor_user_id: null, actor_label: 'cli', request_id: ctx.requestId }]);
    expect(await imports()).toEqual([{ imported_by_user_id: null, imported_by_label: 'cli' }]);
    const history = await handle.db
      .selectFrom('facility_history')
      .select(['changed_by_user_id', 'changed_by_label'])
      .where('source', '=', 'import')
      .execute();
    expect(history).toHaveLength(4);
    expect(new Set(history.map((h) => `${h.changed_by_user_id}/${h.changed_by_label}`))).toEqual(
      new Set(['null/cli']),
    );
  });

  it('refuses a context with neither a signed-in actor nor a system, recording nothing', async () => {
    const anonymous: RequestContext = {
      requestId: 'anonymous',
      clientIp: '127.0.0.1',
      municipalityCode: '131105',
    };
    await expect(
      importOpenData(
        handle,
        anonymous,
        importInput(fixture('medical-standard.csv'), 'm.csv', { dryRun: true }),
      ),
    ).rejects.toMatchObject({ code: 'auth.required' });
    expect(await imports()).toHaveLength(1);
  });
});
