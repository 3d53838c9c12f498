import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliEnv } from './support/cli';

describe('structured logs', () => {
  it('logs an unexpected error as JSON with the request id, without cookies or query strings', () => {
    const run = spawnSync('npx', ['tsx', 'test/platform/support/error-log-probe.ts'], {
      encoding: 'utf8',
      env: cliEnv({}),
      timeout: 90_000,
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('RESPONSE 500');
    const lines = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failure = lines.find((l) => l.msg === 'unhandled error');
    expect(failure).toMatchObject({ level: 50, requestId: 'probe-log-000001' });
    expect(JSON.stringify(failure)).toContain('probe failure: row 42 of patients');
    // Every line of the request carries its id; none carries the cookie or the query string.
    expect(lines.filter((l) => l.reqId === 'probe-log-000001').length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).not.toContain('secret-session-token-value');
    expect(run.stdout).not.toContain('%E7%9B%AE');
    expect(run.stdout).not.toContain('目黒太郎');
  }, 120_000);
});
