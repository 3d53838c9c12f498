import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '../src/contracts/roles';
import { buildApp } from '../src/server/platform/http/app';
import type { AuthzFixture } from './support/authz-fixtures/types';
import {
  createMunicipality,
  createSession,
  createUser,
  MUNICIPALITIES,
  nextClientAddress,
  type TestUser,
} from './support/factories/accounts';
import { createTestApp } from './support/test-app';

/**
 * The authorisation matrix, generated from the OpenAPI document the app serves (/api/docs/json):
 * every operation × every role, anonymous, and a user of another municipality, with the access
 * rule each operation declares (`x-access`, emitted from the route's `config.access`). The test
 * fails when an operation declares no access rule, when the route table and the OpenAPI disagree
 * (a route hidden from the docs, or documented but not served), or when a cell differs. Routes added
 * later by any module are covered without touching this file; a module makes the tenancy cell of
 * its parameterised routes exact by adding `test/support/authz-fixtures/<module>.ts` (see types.ts).
 *
 * Expected per cell:
 *  - public route: nobody gets 401 or 403, and nothing answers 500;
 *  - anonymous on any other route: 401;
 *  - a role the route does not allow: 403;
 *  - an allowed role: neither 401, 403 nor 500 (validation of the empty request may say 400);
 *  - a user of another municipality holding an allowed role, on a route with a resource in the
 *    path: 404 (with a fixture the resource really exists in 目黒区; without one it does not exist
 *    at all and 400 for a malformed placeholder is accepted too).
 */

const fixtureModules = import.meta.glob<{ authzFixtures: AuthzFixture[] }>('./support/authz-fixtures/*.ts', {
  eager: true,
});
const fixtures = new Map(
  Object.values(fixtureModules)
    .flatMap((m) => m.authzFixtures ?? [])
    .map((f) => [f.route, f]),
);

// General per-address limit off: the matrix sends hundreds of requests a minute.
const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());

const home = await createMunicipality(t.db, MUNICIPALITIES.meguro);
const away = await createMunicipality(t.db, MUNICIPALITIES.sapporo);
const roles = Role.options;
const homeUsers = new Map<Role, TestUser>();
const awayUsers = new Map<Role, TestUser>();
for (const role of roles) {
  homeUsers.set(role, await createUser(t.db, { role, municipalityCode: home }));
  awayUsers.set(role, await createUser(t.db, { role, municipalityCode: away }));
}

type Access = 'public' | 'authenticated' | readonly Role[];
const allows = (access: Access, role: Role) =>
  access === 'authenticated' || (Array.isArray(access) && access.includes(role));

function placeholderParams(url: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of url.matchAll(/:(\w+)/g)) params[name as string] = randomUUID();
  return params;
}

function fillUrl(url: string, params: Record<string, string>): string {
  return url
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'))
    .replace('*', 'x');
}

async function call(method: string, url: string, caller: TestUser | undefined, body: unknown = {}) {
  const headers = caller ? (await createSession(t.db, caller)).headers : {};
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers,
    remoteAddress: nextClientAddress(),
    ...(hasBody ? { payload: body as object } : {}),
  });
  return response.statusCode;
}

type Operation = { method: string; url: string; access: unknown };
type OpenApi = { paths: Record<string, Record<string, { 'x-access'?: unknown }>> };

const openapi = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as OpenApi;
const operations: Operation[] = Object.entries(openapi.paths)
  .filter(([path]) => path.startsWith('/api/'))
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, ':$1'),
      access: operation['x-access'],
    })),
  );
// The documentation's own routes (the UI, its assets, the JSON itself) are public and not operations.
const servedRoutes = t.app.routeTable.filter(
  (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
);
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

function isAccessRule(access: unknown): access is Access {
  if (access === 'public' || access === 'authenticated') return true;
  return (
    Array.isArray(access) && access.length > 0 && access.every((r) => (Role.options as string[]).includes(r))
  );
}

describe('the OpenAPI is the list of operations and says who may call each', () => {
  it('every operation declares an access rule', () => {
    expect(operations.length).toBeGreaterThan(100);
    const undeclared = operations.filter((o) => !isAccessRule(o.access)).map(keyOf);
    expect(undeclared).toEqual([]);
  });

  it('the route table and the OpenAPI list the same operations with the same rule', () => {
    const documented = new Map(operations.map((o) => [keyOf(o), o.access]));
    const served = new Map(servedRoutes.map((r) => [keyOf(r), r.access]));
    expect(
      [...served.keys()].filter((k) => !documented.has(k)),
      'served but not in the OpenAPI',
    ).toEqual([]);
    expect(
      [...documented.keys()].filter((k) => !served.has(k)),
      'in the OpenAPI but not served',
    ).toEqual([]);
    for (const [key, access] of served) expect(documented.get(key), key).toEqual(access);
  });

  it('the docs show people who may call an operation', () => {
    const users = openapi.paths['/api/admin/users']?.get as { description?: string } | undefined;
    expect(users?.description).toContain('ward_admin');
  });

  it('the app refuses to start with a route that declares no access', async () => {
    const careless = {
      name: 'careless',
      async register(app: Parameters<Parameters<typeof buildApp>[0]['modules'][number]['register']>[0]) {
        app.get('/api/careless', async () => ({ ok: true }));
      },
    };
    await expect(
      buildApp({ config: t.config, database: t.database, modules: [careless], logger: false }),
    ).rejects.toThrow('GET /api/careless declares no access');
  });
});

describe('authorisation matrix', () => {
  it('covers the accounts routes and every module mounted', () => {
    const keys = operations.map(keyOf);
    expect(keys).toContain('GET /api/admin/users');
    expect(keys).toContain('POST /api/auth/login');
    for (const key of fixtures.keys())
      expect(keys, `fixture for a route that no longer exists: ${key}`).toContain(key);
  });

  for (const route of operations) {
    // An operation without a valid rule fails above; here it is treated as the strictest.
    const access: Access = isAccessRule(route.access) ? route.access : [];
    const key = keyOf(route);
    const hasResource = /:\w+/.test(route.url);
    const fixture = fixtures.get(key);

    it(`${key} (${Array.isArray(access) ? access.join('|') : access})`, async () => {
      const params = async (municipalityCode: string) =>
        fixture ? fixture.build({ db: t.db, municipalityCode }) : placeholderParams(route.url);

      const body = fixture?.body ?? {};
      const anonymous = await call(route.method, fillUrl(route.url, await params(home)), undefined, body);
      if (access === 'public') expect.soft([401, 403, 500], 'anonymous').not.toContain(anonymous);
      else expect.soft(anonymous, 'anonymous').toBe(401);

      for (const role of roles) {
        const url = fillUrl(route.url, await params(home));
        const status = await call(route.method, url, homeUsers.get(role), body);
        if (access === 'public' || allows(access, role)) {
          expect.soft([401, 403, 500], `${role} (allowed)`).not.toContain(status);
        } else {
          expect.soft(status, `${role} (not allowed)`).toBe(403);
        }
      }

      const awayRole = access === 'public' ? 'ward_admin' : roles.find((r) => allows(access, r));
      if (!awayRole) return;
      const awayUrl = fillUrl(route.url, await params(home));
      const away = await call(route.method, awayUrl, awayUsers.get(awayRole), body);
      if (access === 'public') expect.soft([401, 403, 500], 'other municipality').not.toContain(away);
      else if (hasResource && fixture) expect.soft(away, `other municipality (${awayRole})`).toBe(404);
      else if (hasResource)
        expect.soft([400, 404], `other municipality (${awayRole}), no fixture`).toContain(away);
      else expect.soft([401, 403, 500], `other municipality (${awayRole})`).not.toContain(away);
    });
  }
});
