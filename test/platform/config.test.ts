import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/platform/config';
import { configVariableNames, runCli } from './support/cli';

const badValues: Array<Record<string, string>> = [
  { PORT: 'eighty' },
  { PORT: '70000' },
  { DATABASE_URL: 'mysql://db/zaitaku' },
  { DATABASE_POOL_SIZE: '0' },
  { BASE_URL: 'not a url' },
  { SMTP_URL: 'http://mail' },
  { MAIL_FROM: 'nobody' },
  { SESSION_SECRET: 'too-short' },
  { TOTP_ENCRYPTION_KEY: 'too-short-for-a-key' },
  { TOTP_ENCRYPTION_KEY_PREVIOUS: 'too-short-for-a-key' },
  { AUDIT_HMAC_KEY: 'too-short-for-a-key' },
  { BACKUP_ENCRYPTION_KEY: 'too-short-for-a-key' },
  { SESSION_IDLE_MINUTES: 'half an hour' },
  { SESSION_ABSOLUTE_MINUTES: '-5' },
  { SESSION_MAX_PER_USER: '0' },
  { DEFAULT_MUNICIPALITY: '13110' },
  { SEED_DEMO: 'sometimes' },
  { TRUST_PROXY: 'yes' },
  { LOG_LEVEL: 'loud' },
  { PASSWORD_SCRYPT_LOG_N: '5' },
  { RATE_LIMIT_PER_MINUTE: 'many' },
];

// Any non-empty text is acceptable for these (a path, a host name, a URL template, HTML credit).
const FREE_FORM = ['HOST', 'DATA_DIR', 'TILE_URL', 'TILE_ATTRIBUTION'];

/** The single problem line loadConfig reports for one bad variable. */
function problemFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    return problems[0]!;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('configuration from the environment', () => {
  it('starts from documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      DEFAULT_MUNICIPALITY: '131105',
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_MINUTES: 720,
      SESSION_MAX_PER_USER: 5,
      SEED_DEMO: 'auto',
      TRUST_PROXY: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each(badValues)('rejects %j naming the variable in Japanese and English', (env) => {
    const name = Object.keys(env)[0]!;
    const problem = problemFor(env);
    expect(problem.startsWith(`${name}: `)).toBe(true);
    // Japanese first (what to do), then " / " and the English saying what is expected.
    const [ja, en] = problem.slice(name.length + 2).split(' / ');
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(en).toMatch(/^expected [a-z0-9]/);
  });

  it('has a bad-value case above for every variable that is not free-form text', () => {
    const covered = new Set(badValues.map((env) => Object.keys(env)[0]));
    const uncovered = configVariableNames().filter((name) => !covered.has(name) && !FREE_FORM.includes(name));
    expect(uncovered).toEqual([]);
  });

  it('reports every bad variable at once, in Japanese and English', () => {
    try {
      loadConfig({ PORT: 'x', SESSION_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('設定に誤りがあります / invalid configuration');
      expect(message).toMatch(/- PORT: .*\n {2}- SESSION_SECRET: /s);
    }
  });

  it('makes the CLI exit non-zero with the message naming the variable', async () => {
    const result = await runCli(['migrate'], { PORT: 'eighty', DATA_DIR: '/nonexistent/never-created' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('設定に誤りがあります / invalid configuration');
    expect(result.stderr).toContain('PORT: 1〜65535 の整数で指定してください / expected an integer 1–65535');
  });
});
