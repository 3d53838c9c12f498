import { defineConfig } from 'vitest/config';

// Three kinds of test (docs/decisions/002-tests.md):
//   *.test.ts          pure code, no database
//   *.db.test.ts       module tests through HTTP, run on PGlite AND on a throwaway PostgreSQL 15
//   test/browser/*.browser.test.ts  journeys in Debian Chromium against a real server
const dbTests = ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'];
const browserTests = ['test/browser/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...dbTests, ...browserTests, '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: dbTests,
          globalSetup: ['test/support/global-setup.ts'],
          env: { ZAITAKU_TEST_ENGINE: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: dbTests,
          globalSetup: ['test/support/global-setup.ts'],
          env: { ZAITAKU_TEST_ENGINE: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browserTests,
          globalSetup: ['test/support/browser-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
