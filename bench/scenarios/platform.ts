import type { LoadFigures } from '../load';
import type { BenchContext, BenchScenario, BenchServer, Engine } from '../scenario';
import { medianFigures } from '../stats';

// An authenticated JSON read a ward admin makes all day (organisations list, 10 demo rows).
const AUTHENTICATED_PATH = '/api/admin/organisations';
const LOGIN_PATH = '/api/auth/login';
const TOTP_PATH = '/api/auth/totp';

export type DemoAccount = { email: string; password: string; code: () => string };

/** The demo ward admin, when the accounts module is mounted; undefined while it is not. */
async function demoAdmin(): Promise<DemoAccount | undefined> {
  const { serverModules } = await import('../../src/server/modules/registry');
  if (!serverModules.some((m) => m.name === 'accounts')) return undefined;
  const accounts = await import('../../src/server/modules/accounts');
  const admin = accounts.DEMO_USERS.find((u) => u.role === 'ward_admin');
  if (!admin) return undefined;
  return {
    email: admin.email,
    password: accounts.DEMO_PASSWORD,
    code: () => accounts.totpCode(admin.totpSecret, new Date()),
  };
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/** Signs in with password and TOTP once; returns the Cookie header of the full session. */
export async function signIn(
  server: BenchServer,
  account: DemoAccount,
  checkPath = AUTHENTICATED_PATH,
): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${server.url}${LOGIN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  cookiesOf(login, jar);
  const { csrfToken } = (await login.json()) as { csrfToken: string | null };
  const totp = await fetch(`${server.url}${TOTP_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(), 'x-csrf-token': csrfToken ?? '' },
    body: JSON.stringify({ code: account.code() }),
  });
  if (totp.status !== 200) throw new Error(`two-factor answered ${totp.status}: ${await totp.text()}`);
  cookiesOf(totp, jar);
  const check = await fetch(`${server.url}${checkPath}`, { headers: { cookie: header() } });
  if (check.status !== 200) throw new Error(`${checkPath} answered ${check.status}`);
  return header();
}

async function repeat(ctx: BenchContext, label: string, once: () => Promise<LoadFigures>) {
  const runs: LoadFigures[] = [];
  for (let i = 0; i < ctx.settings.runs; i++) {
    const figures = await once();
    ctx.log(`    ${label} run ${i + 1}: ${JSON.stringify(figures)}`);
    runs.push(figures);
  }
  return medianFigures(runs);
}

async function measureEngine(ctx: BenchContext, engine: Engine, account: DemoAccount | undefined) {
  // Distinct client addresses through X-Forwarded-For: the per-address login limit (20/min) must
  // not turn the login figure into a measurement of the rate limiter.
  const server = await ctx.startServer(engine, { TRUST_PROXY: 'true' });
  const { runs, durationSeconds, connections } = ctx.settings;
  try {
    const readiness = await repeat(ctx, `${engine} /readyz`, () =>
      ctx.load({
        url: `${server.url}/readyz`,
        connections,
        durationSeconds,
        maxSeconds: durationSeconds + 30,
      }),
    );
    if (!account) {
      return {
        readyz: readiness,
        login: 'pending: accounts module not mounted',
        authenticatedJson: 'pending',
      };
    }
    // scrypt at N=2^17 (OWASP) is the cost of a login. One login at a time: the figure is what a
    // user waits for, not how a 2-core machine queues a burst of logins.
    const login = await repeat(ctx, `${engine} login`, () =>
      ctx.load({
        url: `${server.url}${LOGIN_PATH}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
        connections: 1,
        amount: 20,
        maxSeconds: 120,
        uniqueClientAddress: true,
      }),
    );
    const cookie = await signIn(server, account);
    const authenticatedJson = await repeat(ctx, `${engine} ${AUTHENTICATED_PATH}`, () =>
      ctx.load({
        url: `${server.url}${AUTHENTICATED_PATH}`,
        headers: { cookie },
        connections,
        durationSeconds,
        maxSeconds: durationSeconds + 30,
      }),
    );
    return { readyz: readiness, login, authenticatedJson, runs };
  } finally {
    await server.stop();
  }
}

/** Issue 2: login p95, authenticated JSON throughput and p95, on PGlite and on PostgreSQL. */
export const scenario: BenchScenario = {
  issue: 2,
  name: 'platform',
  summary: 'login p95; authenticated JSON request throughput and p95 (GET /api/admin/organisations)',
  async run(ctx) {
    const account = await demoAdmin();
    if (!account) ctx.log('  accounts module not mounted: login and authenticated figures are pending');
    const figures: Record<string, unknown> = {
      loginRequest: `POST ${LOGIN_PATH} (password step, scrypt N=2^17, one at a time, 20 logins per run)`,
      authenticatedRequest: `GET ${AUTHENTICATED_PATH} as the demo ward_admin with a two-factor session`,
    };
    for (const engine of ctx.settings.engines) figures[engine] = await measureEngine(ctx, engine, account);
    return figures;
  },
};
