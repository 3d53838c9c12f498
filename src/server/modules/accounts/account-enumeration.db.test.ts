import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser, nextClientAddress } from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { setClockForTests } from '../../platform/time/clock';
import { RESET_ANSWER_FLOOR_MS, RESET_MAILS_PER_HOUR } from './credential.service';
import { hashPassword } from './password';

// A dearer hash than the other tests use, so one scrypt stands out against the database work.
const LOG_N = 14;
let t: TestApp;
let now = new Date('2026-11-24T01:00:00.000Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

beforeAll(async () => {
  setClockForTests(() => now);
  t = await createTestApp({ PASSWORD_SCRYPT_LOG_N: String(LOG_N) });
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});
afterEach(() => advance(60_000));

const post = (url: string, payload: object, ip = nextClientAddress()) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
/** What a caller sees of an answer: status, body and the headers that could differ. */
const seen = (response: Awaited<ReturnType<typeof post>>) => {
  const { requestId: _differsPerRequest, ...error } = response.json().error ?? {};
  return {
    status: response.statusCode,
    body: response.json().error ? error : response.json(),
    retryAfter: response.headers['retry-after'],
  };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await send();
  return performance.now() - started;
}

async function userWithConfiguredHash() {
  const user = await createUser(t.db);
  await t.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(user.password, LOG_N) })
    .where('id', '=', user.id)
    .execute();
  return user;
}

describe('account enumeration by lockout', () => {
  it('locks an unknown email after five wrong passwords with the same answers as a known account', async () => {
    const user = await userWithConfiguredHash();
    const ghost = `ghost.${Date.now()}@example.jp`;
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(seen(await post('/api/auth/login', { email: user.email, password: `wrong-${i}-guess` })));
      unknown.push(seen(await post('/api/auth/login', { email: ghost, password: `wrong-${i}-guess` })));
    }
    expect(unknown).toEqual(known);
    expect(known.map((answer) => (answer as { body: { code: string } }).body.code)).toEqual([
      ...Array(4).fill('auth.invalid_credentials'),
      'auth.locked',
      'auth.locked',
    ]);

    // Past the lock, both count from the start again.
    advance(15 * 60_000 + 1_000);
    const after = [
      seen(await post('/api/auth/login', { email: user.email, password: 'still-wrong-1' })),
      seen(await post('/api/auth/login', { email: ghost, password: 'still-wrong-1' })),
    ];
    expect(after[1]).toEqual(after[0]);
    expect(after[0]?.status).toBe(401);
  });

  it('spends one password hash on a locked account, as on an unknown email', async () => {
    const user = await userWithConfiguredHash();
    for (let i = 0; i < 5; i++)
      await post('/api/auth/login', { email: user.email, password: `wrong-${i}-guess` });
    const locked: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      locked.push(await timed(() => post('/api/auth/login', { email: user.email, password: user.password })));
      unknown.push(
        await timed(() =>
          post('/api/auth/login', { email: `nobody.${i}@example.jp`, password: 'a-guess-123' }),
        ),
      );
    }
    // Without the hash a locked answer took a few database milliseconds against a full scrypt.
    expect(median(locked)).toBeGreaterThan(median(unknown) * 0.5);
  });
});

describe('account enumeration by password reset', () => {
  it('answers a reset request for a known and an unknown email no sooner than the floor', async () => {
    const user = await createUser(t.db);
    const knownMs = await timed(() => post('/api/auth/password-reset', { email: user.email }));
    const unknownMs = await timed(() => post('/api/auth/password-reset', { email: 'ghost@example.jp' }));
    console.info(`reset answer: known ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms`);
    expect(knownMs).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 1);
    expect(unknownMs).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 1);
  });

  it('mails at most three reset links an hour per account, answering the fourth alike', async () => {
    const user = await createUser(t.db);
    const answers = [];
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) {
      answers.push(seen(await post('/api/auth/password-reset', { email: user.email })));
      advance(60_000);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.status).toBe(202);
    const mails = () =>
      t.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', user.email)
        .where('kind', '=', 'password_reset')
        .execute();
    expect(await mails()).toHaveLength(RESET_MAILS_PER_HOUR);
    const refused = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.password_reset_request')
      .where('actor_user_id', '=', user.id)
      .where('outcome', '=', 'failure')
      .execute();
    expect(refused.map((row) => (row.details as { reason: string }).reason)).toEqual([
      'too_many_requests',
      'too_many_requests',
    ]);

    // An hour after the first, one more may go.
    advance(60 * 60_000);
    await post('/api/auth/password-reset', { email: user.email });
    expect(await mails()).toHaveLength(RESET_MAILS_PER_HOUR + 1);
  });
});
