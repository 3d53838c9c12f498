import { afterAll, beforeAll } from 'vitest';
import { type ApiClient, createApiClient } from './api-client';
import { createDischargeScene, type DischargeScene } from './factories/discharge';
import { createTestApp, type TestApp } from './test-app';

/**
 * The one app, discharge scene and API client of a discharge or documents test file: created
 * before its tests, closed after them. Read `d.t`, `d.s` and `d.api` inside the tests.
 * `config` overrides the test configuration (e.g. `{ BASE_URL }` for the links a notice carries).
 */
export function startDischargeSuite(config: Record<string, string> = {}): {
  t: TestApp;
  s: DischargeScene;
  api: ApiClient;
} {
  const suite = {} as { t: TestApp; s: DischargeScene; api: ApiClient };
  beforeAll(async () => {
    suite.t = await createTestApp(config);
    suite.s = await createDischargeScene(suite.t.db);
    suite.api = createApiClient(suite.t.app);
  });
  afterAll(async () => {
    await suite.t?.close();
  });
  return suite;
}
