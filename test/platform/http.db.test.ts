import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { AppError } from '../../src/server/platform/errors';
import { buildApp } from '../../src/server/platform/http/app';
import type { ServerModule } from '../../src/server/platform/module';
import { testConfig } from '../support/test-app';
import { openTestDatabase } from '../support/test-db';

const SECRET = 'secret-internal-detail-7f3a';

/** A module that exists only in this test: one route per kind of failure the platform must answer. */
const probeModule: ServerModule = {
  name: 'probe',
  async register(app) {
    const api = app.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>();
    api.post(
      '/api/probe/echo',
      {
        config: { access: 'public' },
        schema: {
          body: z.strictObject({ name: z.string().min(1), count: z.number().int() }),
          response: { 200: z.object({ name: z.string(), count: z.number() }) },
        },
      },
      async (request) => request.body,
    );
    api.get('/api/probe/boom', { config: { access: 'public' } }, async () => {
      throw new Error(`${SECRET}: connection string postgres://admin:hunter2@db`);
    });
    api.get('/api/probe/conflict', { config: { access: 'public' } }, async () => {
      throw new AppError('conflict', { version: 3 });
    });
    api.get('/api/probe/private', { config: { access: ['ward_admin'] } }, async () => ({ ok: true }));
  },
};

describe('the HTTP platform', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ config: testConfig(), database, modules: [probeModule], logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers /healthz while the process is alive', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the engine when the database is reachable', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', engine: database.engine });
  });

  it('serves the OpenAPI 3 document at /api/docs/json and the viewer at /api/docs', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Zaitaku API');
    expect(doc.paths['/api/probe/echo'].post.requestBody.content['application/json'].schema.required).toEqual(
      ['name', 'count'],
    );
    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    const page = ui.statusCode === 302 ? await app.inject({ method: 'GET', url: ui.headers.location! }) : ui;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('echoes a valid body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: '目黒', count: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: '目黒', count: 2 });
  });

  it('answers malformed JSON with 400 request.malformed_json and a Japanese message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "目黒", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'request.malformed_json',
      requestId: res.headers['x-request-id'],
    });
    expect(res.json().error.message).toMatch(/読み取れませんでした/);
  });

  it('answers wrong types with 400 request.invalid naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: '目黒', count: 'two' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('request.invalid');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body/count' })]));
  });

  it('answers unknown fields with 400 request.invalid naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: '目黒', count: 1, isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('request.invalid');
    expect(JSON.stringify(error.details)).toContain('isAdmin');
  });

  it('answers a body over 1 MiB with 413 request.too_large', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: 'x'.repeat(1024 * 1024 + 10), count: 1 },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
  });

  it('answers a body that is not JSON with 415 request.unsupported_media_type', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<name/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('request.unsupported_media_type');
  });

  it('answers an unknown API route with a 404 JSON body', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no/such/thing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers an application error with its catalogued status, message and details', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { version: 3 } });
    expect(res.json().error.message).toMatch(/再読み込み/);
  });

  it('answers an unexpected exception with 500 internal, the request id and no internals', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/probe/boom',
      headers: { 'x-request-id': 'probe-request-0001' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('probe-request-0001');
    expect(res.json()).toEqual({
      error: {
        code: 'internal',
        message: expect.stringMatching(/受付番号/),
        requestId: 'probe-request-0001',
      },
    });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a role-restricted route to an anonymous caller with 401 auth.required', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/private' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('lists every API route with its declared access in the route table', () => {
    const table = (app as unknown as { routeTable: Array<{ method: string; url: string; access: unknown }> })
      .routeTable;
    expect(table).toEqual(
      expect.arrayContaining([
        { method: 'POST', url: '/api/probe/echo', access: 'public', allowPartialLogin: false },
        { method: 'GET', url: '/api/probe/private', access: ['ward_admin'], allowPartialLogin: false },
      ]),
    );
  });

  it('sends the security headers on every answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    });
  });
});

describe('the HTTP platform at start and when the database goes away', () => {
  it('refuses to start when an /api route declares no access', async () => {
    const database = await openTestDatabase();
    try {
      const careless: ServerModule = {
        name: 'careless',
        async register(app) {
          app.get('/api/careless/open', async () => ({ ok: true }));
        },
      };
      await expect(
        buildApp({ config: testConfig(), database, modules: [careless], logger: false }),
      ).rejects.toThrow('route GET /api/careless/open declares no access');
    } finally {
      await database.close();
    }
  });

  it('answers /readyz with 503 once the database is closed, while /healthz still answers', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig(), database, modules: [], logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
