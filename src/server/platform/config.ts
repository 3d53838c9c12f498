import { z } from 'zod';

/**
 * Configuration comes only from the environment and is checked once at start.
 * A bad value stops the process with a message naming the variable (Japanese and English).
 */
const duration = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name}: 整数（分）で指定してください / expected whole minutes` })
    .int()
    .positive()
    .default(fallback);

const secret = (name: string) =>
  z
    .string()
    .min(
      32,
      `${name}: 32文字以上のランダムな文字列を指定してください / expected at least 32 random characters`,
    )
    .optional();

const ConfigSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT: 1〜65535 の整数で指定してください / expected an integer 1–65535' })
    .int()
    .min(0)
    .max(65535)
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'DATABASE_URL: postgres:// で始まる接続文字列を指定してください / expected postgres://…',
    )
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'DATABASE_POOL_SIZE: 1〜200 の整数で指定してください / expected an integer 1–200' })
    .int()
    .min(1)
    .max(200)
    .default(10),
  BASE_URL: z
    .string()
    .url('BASE_URL: http(s):// で始まる URL を指定してください / expected an http(s) URL')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\//,
      'SMTP_URL: smtp:// または smtps:// で始まる URL を指定してください / expected smtp://…',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .email('MAIL_FROM: メールアドレスを指定してください / expected an email address')
    .default('zaitaku@localhost'),
  SESSION_SECRET: z
    .string()
    .min(
      32,
      'SESSION_SECRET: 32文字以上のランダムな文字列を指定してください / expected at least 32 random characters',
    )
    .optional(),
  TOTP_ENCRYPTION_KEY: z
    .string()
    .min(
      32,
      'TOTP_ENCRYPTION_KEY: 32文字以上のランダムな文字列を指定してください / expected at least 32 random characters',
    )
    .optional(),
  /** Read only, while secrets sealed under it are re-sealed (`zaitaku totp rotate`). */
  TOTP_ENCRYPTION_KEY_PREVIOUS: secret('TOTP_ENCRYPTION_KEY_PREVIOUS'),
  /**
   * Key of the audit chain's HMAC, kept outside the database (docs/security.md). Required with
   * DATABASE_URL; the embedded engine makes one beside DATA_DIR when it is not given.
   */
  AUDIT_HMAC_KEY: secret('AUDIT_HMAC_KEY'),
  /** Operator key that encrypts and authenticates backups (docs/decisions/021-backup-encryption.md). */
  BACKUP_ENCRYPTION_KEY: secret('BACKUP_ENCRYPTION_KEY'),
  SESSION_IDLE_MINUTES: duration('SESSION_IDLE_MINUTES', 30),
  SESSION_ABSOLUTE_MINUTES: duration('SESSION_ABSOLUTE_MINUTES', 12 * 60),
  /** Concurrent sessions per user; a sign-in beyond it ends the user's oldest sessions. */
  SESSION_MAX_PER_USER: z.coerce
    .number({ error: 'SESSION_MAX_PER_USER: 1〜100 の整数で指定してください / expected an integer 1–100' })
    .int()
    .min(1)
    .max(100)
    .default(5),
  TILE_URL: z.string().default('https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z
    .string()
    .default('<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>'),
  DEFAULT_MUNICIPALITY: z
    .string()
    .regex(
      /^\d{6}$/,
      'DEFAULT_MUNICIPALITY: 6桁の全国地方公共団体コードを指定してください / expected a 6-digit code',
    )
    .default('131105'),
  SEED_DEMO: z
    .enum(['auto', 'always', 'never'], {
      error: 'SEED_DEMO: auto, always, never のいずれかを指定してください / expected auto, always or never',
    })
    .default('auto'),
  TRUST_PROXY: z
    .enum(['true', 'false'], {
      error: 'TRUST_PROXY: true か false を指定してください / expected true or false',
    })
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error:
        'LOG_LEVEL: fatal, error, warn, info, debug, trace, silent のいずれかを指定してください / expected fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  /** scrypt cost exponent; 17 (N=131072) is OWASP's recommendation. Tests lower it to keep runs short. */
  PASSWORD_SCRYPT_LOG_N: z.coerce
    .number({ error: 'PASSWORD_SCRYPT_LOG_N: 10〜20 の整数で指定してください / expected an integer 10–20' })
    .int()
    .min(10)
    .max(20)
    .default(17),
  /** Requests per minute per client address on /api (in memory, per process); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({
      error: 'RATE_LIMIT_PER_MINUTE: 0〜1000000 の整数で指定してください / expected an integer 0–1000000',
    })
    .int()
    .min(0)
    .max(1_000_000)
    .default(600),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`設定に誤りがあります / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  return result.data;
}
