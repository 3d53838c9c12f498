import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createSession,
  createUser,
  nextClientAddress,
  type TestSession,
} from '../../../../test/support/factories/accounts';
import { createMeguro } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { ImportReport, OPEN_DATA_UPLOAD_LIMIT_BYTES } from '../../../contracts/opendata';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/opendata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('open-data HTTP API', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminUser: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
    await createMeguro(t.db);
    adminUser = await createUser(t.db, { role: 'ward_admin', municipalityCode: '131105' });
    admin = await createSession(t.db, adminUser);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (bytes: Buffer, query: string, session: TestSession = admin) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/opendata/imports?${query}`,
      headers: { ...session.headers, 'content-type': 'application/octet-stream' },
      remoteAddress: nextClientAddress(),
      payload: bytes,
    });

  it('shows a dry run’s report, with the offending cells, without committing', async () => {
    const response = await upload(fixture('latitude-135.csv'), 'dryRun=true&fileName=latitude-135.csv');
    expect(response.statusCode).toBe(200);
    const report = ImportReport.parse(response.json());
    expect(report).toMatchObject({
      file: 'latitude-135.csv',
      rows: 2,
      rejected: 1,
      dryRun: true,
      committed: false,
    });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, '緯度'],
      [2, '経度'],
    ]);
    expect(report.rejectedRows).toEqual([
      {
        line: 2,
        cells: expect.objectContaining({ 名称: '入れ替わり内科（架空）', 緯度: '139.6982', 経度: '35.6415' }),
      },
    ]);
  });

  it('reports a broken xlsx and a file that is not a facility list as errors of the whole file', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const broken = ImportReport.parse((await upload(zip, 'dryRun=true&fileName=list.xlsx')).json());
    expect(broken.errors).toEqual([
      expect.objectContaining({ line: 0, column: null, code: 'opendata.broken_xlsx' }),
    ]);
    expect(broken.encoding).toBe('xlsx');
    const notList = ImportReport.parse((await upload(fixture('not-a-list.txt'), 'dryRun=true')).json());
    expect(notList.errors[0]?.code).toBe('opendata.not_facility_list');
    const unknown = ImportReport.parse((await upload(fixture('unknown-layout.csv'), 'dryRun=true')).json());
    expect(unknown.errors[0]?.code).toBe('opendata.unknown_layout');
  });

  it('refuses to commit a file with a rejected row (422, report in the details) and commits nothing', async () => {
    const response = await upload(fixture('latitude-135.csv'), 'dryRun=false&fileName=latitude-135.csv');
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error.code).toBe('opendata.rows_rejected');
    expect(body.error.details.report.committed).toBe(false);
    const count = await t.db
      .selectFrom('facilities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('commits a clean file into the admin’s own municipality and lists it in the history', async () => {
    const response = await upload(
      fixture('medical-standard.csv'),
      'dryRun=false&fileName=medical-standard.csv',
    );
    expect(response.statusCode).toBe(200);
    expect(ImportReport.parse(response.json())).toMatchObject({ created: 4, committed: true });
    const history = await t.app.inject({
      method: 'GET',
      url: '/api/admin/opendata/imports',
      headers: admin.headers,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().items[0]).toMatchObject({
      fileName: 'medical-standard.csv',
      committed: true,
      created: 4,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'municipality_code'])
      .where('action', '=', 'opendata.import')
      .execute();
    expect(audit).toEqual([{ action: 'opendata.import', municipality_code: '131105' }]);
    // The audit row and the import history name the signed-in admin, the request's actor.
    const named = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_label'])
      .where('action', '=', 'opendata.import')
      .execute();
    expect(named).toEqual([{ actor_user_id: adminUser.id, actor_label: adminUser.email }]);
    const imported = await t.db
      .selectFrom('opendata_imports')
      .select(['imported_by_user_id', 'imported_by_label'])
      .where('committed', '=', true)
      .execute();
    expect(imported).toEqual([{ imported_by_user_id: adminUser.id, imported_by_label: adminUser.email }]);
  });

  it('keeps an edit the facility’s editor made through the review queue unless told to overwrite', async () => {
    const pharmacy = await t.db
      .selectFrom('facilities')
      .select(['id', 'version'])
      .where('medical_institution_code', '=', '1340000004')
      .executeTakeFirstOrThrow();
    const organisation = await createOrganisation(t.db, {
      municipalityCode: '131105',
      kind: 'pharmacy',
      facilityId: pharmacy.id,
    });
    const editor = await createSession(
      t.db,
      await createUser(t.db, {
        role: 'facility_editor',
        municipalityCode: '131105',
        organisationId: organisation.id,
      }),
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/directory/facilities/${pharmacy.id}/change-requests`,
      headers: editor.headers,
      payload: { baseVersion: pharmacy.version, changes: { phone: '03-9999-0000' } },
    });
    expect(submitted.statusCode).toBe(201);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/directory/change-requests/${submitted.json().id}/decision`,
      headers: admin.headers,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);

    const changed = Buffer.from(
      fixture('medical-standard.csv').toString('utf8').replace('03-3719-4444', '03-3719-6666'),
    );
    const kept = ImportReport.parse((await upload(changed, 'dryRun=false&fileName=changed.csv')).json());
    expect(kept).toMatchObject({ updated: 0, unchanged: 4, committed: true });
    expect(kept.editorEdits).toEqual([expect.objectContaining({ fields: ['電話番号'], overwritten: false })]);
    const phone = () =>
      t.db.selectFrom('facilities').select('phone').where('id', '=', pharmacy.id).executeTakeFirstOrThrow();
    expect((await phone()).phone).toBe('03-9999-0000');

    const overwrite = await upload(changed, 'dryRun=false&overwriteEditorEdits=true&fileName=changed.csv');
    expect(ImportReport.parse(overwrite.json())).toMatchObject({ updated: 1, committed: true });
    expect((await phone()).phone).toBe('03-3719-6666');
  });

  it('refuses an upload above the limit from its declared length with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/opendata/imports?dryRun=true',
      headers: {
        ...admin.headers,
        'content-type': 'application/octet-stream',
        'content-length': String(200 * 1024 * 1024),
      },
      payload: 'x',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('opendata.file_too_large');
  });

  it('refuses an upload without a signed-in ward admin before reading it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/opendata/imports?dryRun=true',
      headers: { 'content-type': 'application/octet-stream', 'content-length': '1' },
      remoteAddress: nextClientAddress(),
      payload: 'x',
    });
    expect(response.statusCode).toBe(401);
  });

  /** Sends up to 200 MB over a real socket; resolves with the answer (or how the server cut it off). */
  const send200MB = async (declareLength: boolean) => {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const outcome = await new Promise<{ status?: number; error?: string }>((resolve) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/admin/opendata/imports?dryRun=true',
          headers: {
            ...admin.headers,
            'content-type': 'text/csv',
            ...(declareLength ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
          },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode });
          req.destroy();
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    return { ...outcome, sent };
  };

  it('answers a declared 200 MB upload with 413 before reading it', async () => {
    const result = await send200MB(true);
    expect(result.status).toBe(413);
    // Only what fits in the socket buffers went out before the answer came back.
    expect(result.sent).toBeLessThan(OPEN_DATA_UPLOAD_LIMIT_BYTES);
  });

  it('stops a streamed upload of unknown length at the limit, never reading 200 MB', async () => {
    const result = await send200MB(false);
    // Fastify closes the connection after the 413 (the client may still be sending): the client sees
    // the 413 or the closed connection, and either way stops far short of 200 MB.
    expect(result.status === 413 || result.error === 'EPIPE' || result.error === 'ECONNRESET').toBe(true);
    expect(result.sent).toBeLessThan(OPEN_DATA_UPLOAD_LIMIT_BYTES + 32 * 1024 * 1024);
  });
});

describe('public open-data downloads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
    await createMeguro(t.db);
    const admin = await createSession(
      t.db,
      await createUser(t.db, { role: 'ward_admin', municipalityCode: '131105' }),
    );
    for (const name of ['medical-standard.csv', 'care-recommended.csv']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/admin/opendata/imports?dryRun=false&fileName=${name}`,
        headers: { ...admin.headers, 'content-type': 'text/csv' },
        payload: fixture(name),
      });
      expect(response.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the downloads with the CC BY 4.0 licence, without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/opendata' });
    expect(response.statusCode).toBe(200);
    const catalog = response.json();
    expect(catalog.licence.id).toBe('CC-BY-4.0');
    expect(catalog.facilityCount).toBe(8);
    expect(catalog.downloads.map((d: { file: string }) => d.file)).toContain('fhir-bundle.json');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('streams a CSV download with CORS, a file name, caching and an ETag that answers 304', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/public/opendata/medical-institutions.csv',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('131105-medical-institutions.csv');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const etag = String(response.headers.etag);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/public/opendata/medical-institutions.csv',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves HSDS and FHIR JSON and refuses an unknown file or municipality', async () => {
    const hsds = await t.app.inject({ method: 'GET', url: '/api/public/opendata/hsds.json' });
    expect(JSON.parse(hsds.payload).services).toHaveLength(8);
    const fhir = await t.app.inject({ method: 'GET', url: '/api/public/opendata/fhir-bundle.json' });
    expect(JSON.parse(fhir.payload).entry).toHaveLength(24);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/opendata/secret.txt' })).statusCode).toBe(
      400,
    );
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/public/opendata/hsds.json?municipality=011002',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
