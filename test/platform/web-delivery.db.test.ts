import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { buildApp } from '../../src/server/platform/http/app';
import { testConfig } from '../support/test-app';
import { openTestDatabase } from '../support/test-db';

// A web root of our own, so this test does not depend on a fresh `vite build`.
const webRoot = mkdtempSync(join(tmpdir(), 'zaitaku-webroot-'));
const script = `console.log(${JSON.stringify('在宅'.repeat(2000))});`;

describe('delivery of the web app and its public configuration', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let noTiles: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="ja"><title>t</title></html>');
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    database = await openTestDatabase();
    app = await buildApp({ config: testConfig(), database, modules: [], webRoot, logger: false });
    noTiles = await buildApp({
      config: testConfig({ TILE_URL: ' ' }),
      database,
      modules: [],
      webRoot,
      logger: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await noTiles.close();
    await database.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('tells the map which tile server to use, 地理院タイル by default, none when TILE_URL is blank', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tileUrl: expect.stringContaining('cyberjapandata.gsi.go.jp'),
      defaultMunicipality: '131105',
    });
    expect(res.json().attribution).toContain('地理院タイル');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const bare = await noTiles.inject({ method: 'GET', url: '/api/public/config' });
    expect(bare.json().tileUrl).toBeNull();
  });

  it('sends hashed assets precompressed and cacheable for a year', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(res.headers['cache-control']).toContain('immutable');
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers client-side routes with index.html that is never cached, and unknown API paths with JSON', async () => {
    const page = await app.inject({ method: 'GET', url: '/facilities/some-id?x=1' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });
});
