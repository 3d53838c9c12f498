import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  logInOverHttp,
  nextClientAddress,
  sessionCookieFrom,
  type TestUser,
} from '../../../../test/support/factories/accounts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { clock, setClockForTests } from '../../platform/time/clock';
import { totpCode } from './totp';

let t: TestApp;
let now = new Date('2026-11-24T01:00:00.000Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const codeNow = (secret: string) => totpCode(secret, clock.now());

beforeAll(async () => {
  setClockForTests(() => now);
  t = await createTestApp();
});
afterAll(async () => {
  setClockForTests();
  await t?.close();
});
afterEach(() => advance(60_000)); // each test starts in a fresh TOTP step and rate-limit window

async function post(
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
  ip = nextClientAddress(),
) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress: ip });
}
async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}
async function auditOf(action: string, userId?: string) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .$if(Boolean(userId), (q) => q.where('actor_user_id', '=', userId as string))
    .orderBy('id')
    .execute();
}
async function passwordStep(user: TestUser, ip = nextClientAddress()) {
  const response = await post('/api/auth/login', { email: user.email, password: user.password }, {}, ip);
  const cookie = sessionCookieFrom(response.headers['set-cookie']) as string;
  return {
    response,
    cookie,
    csrf: response.json().csrfToken as string,
    headers: { cookie, 'x-csrf-token': response.json().csrfToken as string },
  };
}

describe('login', () => {
  it('starts a partial session that reaches nothing but two-factor until the code is entered', async () => {
    const user = await createUser(t.db, { role: 'ward_admin' });
    const step1 = await passwordStep(user);
    expect(step1.response.statusCode).toBe(200);
    expect(step1.response.json().twoFactor.status).toBe('verification_required');
    const setCookie = String(step1.response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);

    const blocked = await get('/api/admin/organisations', { cookie: step1.cookie });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('auth.totp_required');

    const step2 = await post('/api/auth/totp', { code: codeNow(user.totpSecret as string) }, step1.headers);
    expect(step2.statusCode).toBe(200);
    expect(step2.json().twoFactor.status).toBe('verified');
    const rotated = sessionCookieFrom(step2.headers['set-cookie']) as string;
    expect(rotated).not.toBe(step1.cookie);
    expect(step2.json().csrfToken).not.toBe(step1.csrf);

    expect((await get('/api/admin/organisations', { cookie: step1.cookie })).json().error.code).toBe(
      'auth.session_expired',
    );
    expect((await get('/api/admin/organisations', { cookie: rotated })).statusCode).toBe(200);
    expect((await auditOf('auth.login', user.id)).map((r) => r.outcome)).toEqual(['success']);
    expect((await auditOf('auth.totp', user.id)).map((r) => r.outcome)).toEqual(['success']);
  });

  it('answers a wrong password and an unknown email alike, and audits both failures', async () => {
    const user = await createUser(t.db);
    const wrong = await post('/api/auth/login', { email: user.email, password: 'definitely-not-it' });
    const unknown = await post('/api/auth/login', {
      email: 'nobody@example.jp',
      password: 'definitely-not-it',
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const failures = await auditOf('auth.login');
    expect(failures.find((r) => r.actor_user_id === user.id)?.outcome).toBe('failure');
    const unknownRow = failures.find((r) => r.actor_label === 'nobody@example.jp');
    expect(unknownRow).toMatchObject({ outcome: 'failure', municipality_code: null });
  });

  it('matches the email case-insensitively', async () => {
    const user = await createUser(t.db);
    const response = await post('/api/auth/login', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(response.statusCode).toBe(200);
  });

  it('locks the account after five failures in a row and lets the user in again after 15 minutes', async () => {
    const user = await createUser(t.db);
    const ip = nextClientAddress();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await post('/api/auth/login', { email: user.email, password: `wrong-${i}-guess` }, {}, ip)).json()
          .error.code,
      );
    }
    expect(codes).toEqual([...Array(4).fill('auth.invalid_credentials'), 'auth.locked']);
    const whileLocked = await post('/api/auth/login', { email: user.email, password: user.password });
    expect(whileLocked.statusCode).toBe(429);
    expect(whileLocked.json().error.code).toBe('auth.locked');
    expect(await auditOf('auth.lockout', user.id)).toHaveLength(1);

    advance(14 * 60_000);
    expect((await post('/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(
      429,
    );
    advance(61_000);
    expect((await post('/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(
      200,
    );
  });

  it('counts only consecutive failures: a successful login starts the count again', async () => {
    const user = await createUser(t.db);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++)
        await post('/api/auth/login', { email: user.email, password: 'not-the-password' });
      expect((await post('/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(
        200,
      );
    }
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await createUser(t.db, { status: 'disabled' });
    const response = await post('/api/auth/login', { email: user.email, password: user.password });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.account_disabled');
  });

  it('rejects unknown fields and malformed bodies with 400 before any lookup', async () => {
    const extra = await post('/api/auth/login', { email: 'a@example.jp', password: 'x', admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('request.invalid');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.json().error.code).toBe('request.malformed_json');
  });
});

describe('two-factor', () => {
  it('refuses a code whose time-step was already used, even in a new login', async () => {
    const user = await createUser(t.db);
    await logInOverHttp(t.app, user, codeNow);
    const again = await passwordStep(user);
    const replay = await post('/api/auth/totp', { code: codeNow(user.totpSecret as string) }, again.headers);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('auth.totp_invalid');
    expect((await auditOf('auth.totp', user.id)).map((r) => r.outcome)).toEqual(['success', 'failure']);
    advance(30_000);
    expect(
      (await post('/api/auth/totp', { code: codeNow(user.totpSecret as string) }, again.headers)).statusCode,
    ).toBe(200);
  });

  it('accepts the code of the previous step for clock drift, but not one two steps old', async () => {
    const user = await createUser(t.db);
    const secret = user.totpSecret as string;
    const first = await passwordStep(user);
    const old = totpCode(secret, new Date(now.getTime() - 60_000));
    expect((await post('/api/auth/totp', { code: old }, first.headers)).statusCode).toBe(401);
    const previous = totpCode(secret, new Date(now.getTime() - 30_000));
    expect((await post('/api/auth/totp', { code: previous }, first.headers)).statusCode).toBe(200);
  });

  it('sends a ward admin without an authenticator app to enrolment only, then enrols with a first code', async () => {
    const user = await createUser(t.db, { role: 'ward_admin', totp: false });
    const step1 = await passwordStep(user);
    expect(step1.response.json().twoFactor).toMatchObject({ status: 'enrolment_required', enrolled: false });
    const blocked = await get('/api/admin/users', { cookie: step1.cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.totp_enrolment_required');

    const start = await post('/api/auth/totp/enrolment', undefined, step1.headers);
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = start.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('issuer=Zaitaku');
    expect(
      Buffer.from(qrCodeDataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString(),
    ).toContain('<svg');

    const wrong = await post(
      '/api/auth/totp/enrolment/confirm',
      { code: '000000' === codeNow(secret) ? '111111' : '000000' },
      step1.headers,
    );
    expect(wrong.json().error.code).toBe('auth.totp_invalid');
    const confirm = await post('/api/auth/totp/enrolment/confirm', { code: codeNow(secret) }, step1.headers);
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes, session } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(session.twoFactor).toMatchObject({ status: 'verified', enrolled: true, recoveryCodesLeft: 10 });
    const cookie = sessionCookieFrom(confirm.headers['set-cookie']) as string;
    expect((await get('/api/admin/users', { cookie })).statusCode).toBe(200);
    const again = await post('/api/auth/totp/enrolment', undefined, {
      cookie,
      'x-csrf-token': session.csrfToken,
    });
    expect(again.json().error.code).toBe('auth.totp_already_enrolled');
    expect(await auditOf('auth.totp_enrol', user.id)).toHaveLength(2); // one failure, one success
  });

  it('accepts each recovery code once and counts what is left', async () => {
    const user = await createUser(t.db, { role: 'clinician', totp: false });
    const step1 = await passwordStep(user);
    const { secret } = (await post('/api/auth/totp/enrolment', undefined, step1.headers)).json();
    const { recoveryCodes } = (
      await post('/api/auth/totp/enrolment/confirm', { code: codeNow(secret) }, step1.headers)
    ).json();
    const login1 = await passwordStep(user);
    const used = await post(
      '/api/auth/totp',
      { recoveryCode: recoveryCodes[0].toUpperCase() },
      login1.headers,
    );
    expect(used.statusCode).toBe(200);
    expect(used.json().twoFactor.recoveryCodesLeft).toBe(9);
    const login2 = await passwordStep(user);
    const reused = await post('/api/auth/totp', { recoveryCode: recoveryCodes[0] }, login2.headers);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('auth.totp_invalid');
    expect((await auditOf('auth.recovery_code', user.id)).map((r) => r.outcome)).toEqual([
      'success',
      'failure',
    ]);
  });

  it('replaces recovery codes only with a current app code', async () => {
    const user = await createUser(t.db);
    const session = await logInOverHttp(t.app, user, codeNow);
    const refused = await post('/api/auth/recovery-codes', { code: '123456' }, session.headers);
    expect(refused.statusCode).toBe(401);
    advance(30_000);
    const fresh = await post(
      '/api/auth/recovery-codes',
      { code: codeNow(user.totpSecret as string) },
      session.headers,
    );
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().recoveryCodes).toHaveLength(10);
  });

  it('sends a facility editor without an app to enrolment (it can change what the public sees), and refuses a confirm nobody started', async () => {
    const user = await createUser(t.db, { role: 'facility_editor', totp: false });
    const step1 = await passwordStep(user);
    expect(step1.response.json().twoFactor.status).toBe('enrolment_required');
    const capacity = await get('/api/directory/my-facilities', { cookie: step1.cookie });
    expect(capacity.json().error.code).toBe('auth.totp_enrolment_required');
    const confirm = await post('/api/auth/totp/enrolment/confirm', { code: '123456' }, step1.headers);
    expect(confirm.json().error.code).toBe('auth.totp_enrolment_not_started');
  });

  it('locks the account after five wrong codes', async () => {
    const user = await createUser(t.db);
    const step1 = await passwordStep(user);
    const right = codeNow(user.totpSecret as string);
    const wrong = right === '000000' ? '000001' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++)
      answers.push((await post('/api/auth/totp', { code: wrong }, step1.headers)).json().error.code);
    expect(answers.at(-1)).toBe('auth.locked');
    // The lockout ended the partial session too.
    expect((await post('/api/auth/totp', { code: right }, step1.headers)).json().error.code).toBe(
      'auth.session_expired',
    );
  });
});

describe('CSRF and Origin', () => {
  it('refuses a state-changing request that carries the session but no or a wrong CSRF token, and audits it', async () => {
    const user = await createUser(t.db);
    const session = await logInOverHttp(t.app, user, codeNow);
    const body = { kind: 'clinic', name: `CSRF テスト ${Date.now()}` };
    const missing = await post('/api/admin/organisations', body, { cookie: session.cookie });
    const wrong = await post('/api/admin/organisations', body, {
      cookie: session.cookie,
      'x-csrf-token': 'x'.repeat(43),
    });
    expect([missing.statusCode, wrong.statusCode]).toEqual([403, 403]);
    expect(missing.json().error.code).toBe('auth.csrf_invalid');
    const denied = await auditOf('auth.denied', user.id);
    expect(denied).toHaveLength(2);
    expect(denied[0]?.details).toMatchObject({ reason: 'csrf', method: 'POST' });
    expect((await post('/api/admin/organisations', body, session.headers)).statusCode).toBe(201);
  });

  it('needs no CSRF token for reads', async () => {
    const user = await createUser(t.db);
    const session = await logInOverHttp(t.app, user, codeNow);
    expect((await get('/api/admin/organisations', { cookie: session.cookie })).statusCode).toBe(200);
  });

  it('refuses a login posted from another site but accepts one from our own origin', async () => {
    const user = await createUser(t.db);
    const payload = { email: user.email, password: user.password };
    const foreign = await post('/api/auth/login', payload, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('auth.origin_invalid');
    const crossSite = await post('/api/auth/login', payload, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    const own = await post('/api/auth/login', payload, {
      origin: 'http://localhost:80',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.statusCode).toBe(200);
  });

  it('audits a refused foreign-Origin request with the user whose session cookie it carried', async () => {
    const user = await createUser(t.db);
    const session = await logInOverHttp(t.app, user, codeNow);
    const forged = await post(
      '/api/admin/organisations',
      { name: 'x' },
      { ...session.headers, origin: 'https://evil.example' },
    );
    expect(forged.json().error.code).toBe('auth.origin_invalid');
    const denied = await auditOf('auth.denied', user.id);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actor_label: user.email, municipality_code: user.municipalityCode });
    expect(denied[0]?.details).toMatchObject({ reason: 'origin' });
  });
});

describe('rate limits', () => {
  it('answers 429 after 20 login attempts a minute from one address, and allows again in the next minute', async () => {
    const ip = nextClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await post('/api/auth/login', { email: `x${i}@example.jp`, password: 'whatever-it-is' }, {}, ip))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const limited = await post(
      '/api/auth/login',
      { email: 'y@example.jp', password: 'whatever-it-is' },
      {},
      ip,
    );
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (
        await post(
          '/api/auth/login',
          { email: 'z@example.jp', password: 'whatever-it-is' },
          {},
          nextClientAddress(),
        )
      ).statusCode,
    ).toBe(401);
    advance(60_000);
    expect(
      (await post('/api/auth/login', { email: 'y@example.jp', password: 'whatever-it-is' }, {}, ip))
        .statusCode,
    ).toBe(401);
  });
});
