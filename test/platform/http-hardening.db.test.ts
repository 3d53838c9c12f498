import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverModules } from '../../src/server/modules/registry';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { buildApp } from '../../src/server/platform/http/app';
import { installErrorHandler } from '../../src/server/platform/http/error-handler';
import { createSignedInUser, nextClientAddress } from '../support/factories/accounts';
import { testConfig } from '../support/test-app';
import { openTestDatabase } from '../support/test-db';

type App = Awaited<ReturnType<typeof buildApp>>;
let database: DatabaseHandle;
let app: App;
let https: App;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig(), database, modules: serverModules, logger: false });
  https = await buildApp({
    config: testConfig({ BASE_URL: 'https://zaitaku.example.jp' }),
    database,
    modules: serverModules,
    logger: false,
  });
});
afterAll(async () => {
  await app?.close();
  await https?.close();
  await database?.close();
});

describe('HTTP hardening', () => {
  it('answers 503 database.unavailable with Retry-After when PostgreSQL refuses connections', async () => {
    const probe = Fastify();
    installErrorHandler(probe);
    probe.get('/down', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    probe.get('/shutdown', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
    });
    for (const url of ['/down', '/shutdown']) {
      const answer = await probe.inject({ method: 'GET', url });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBe('30');
      expect(answer.json().error.code).toBe('database.unavailable');
    }
    await probe.close();
  });

  it('refuses a NUL byte in a query, a path or a body with 400 request.nul_byte', async () => {
    const town = await app.inject({ method: 'GET', url: '/api/public/facilities?town=a%00b' });
    expect(town.statusCode).toBe(400);
    expect(town.json().error.code).toBe('request.nul_byte');
    const path = await app.inject({ method: 'GET', url: '/api/public/opendata/a%00b.csv' });
    expect(path.json().error.code).toBe('request.nul_byte');
    const report = await app.inject({
      method: 'POST',
      url: '/api/public/facilities/0190a8f0-0000-7000-8000-000000000000/reports',
      payload: { category: 'other', message: 'fax\u0000number' },
      remoteAddress: nextClientAddress(),
    });
    expect(report.statusCode).toBe(400);
    expect(report.json().error.code).toBe('request.nul_byte');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.jp', password: 'x\u0000y' },
      remoteAddress: nextClientAddress(),
    });
    expect(login.json().error.code).toBe('request.nul_byte');
  });

  it('answers a path param past the router limit with 400 request.invalid, not Fastify’s own body', async () => {
    const answer = await app.inject({ method: 'GET', url: `/api/admin/users/${'a'.repeat(201)}` });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('request.invalid');
    expect(answer.json().error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('sends no-store on the session, login and staff answers, and leaves the public cache alone', async () => {
    const session = await app.inject({ method: 'GET', url: '/api/session' });
    expect(session.headers['cache-control']).toBe('no-store');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.jp', password: 'not-the-password' },
      remoteAddress: nextClientAddress(),
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const admin = await createSignedInUser(database.db, { role: 'ward_admin' });
    const users = await app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: admin.session.headers,
    });
    expect(users.statusCode).toBe(200);
    expect(users.headers['cache-control']).toBe('no-store');
    const open = await app.inject({ method: 'GET', url: '/api/public/capabilities' });
    expect(open.headers['cache-control']).toBe('public, max-age=300');
  });

  it('sends HSTS only when BASE_URL is https', async () => {
    expect(
      (await https.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security'],
    ).toBe('max-age=31536000; includeSubDomains');
    expect(
      (await app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security'],
    ).toBeUndefined();
  });

  it('keeps a client-given X-Request-Id only when it is short and plain, else makes a fresh one', async () => {
    const id = (value: string) =>
      app
        .inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': value } })
        .then((r) => String(r.headers['x-request-id']));
    expect(await id('abc-123.DEF_456')).toBe('abc-123.DEF_456');
    for (const bad of ['x'.repeat(65), 'evil\u202eid-12345', "a';drop table--x", 'line\tbreak-123']) {
      const answered = await id(bad);
      expect(answered).not.toBe(bad);
      expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
