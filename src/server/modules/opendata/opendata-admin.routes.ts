import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ImportQuery,
  ImportReport,
  ImportSummaryList,
  OPEN_DATA_UPLOAD_LIMIT_BYTES,
} from '../../../contracts/opendata';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { importOpenData } from './import/import.service';
import { listRecentImports } from './import/import-history.queries';

const tags = ['open data (admin)'];

/** What browsers and tools send a spreadsheet as; the engine tells the real format from the bytes. */
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function actorOf(request: FastifyRequest) {
  const actor = request.ctx.actor;
  if (!actor) throw new AppError('auth.required');
  return actor;
}

/**
 * The admin import: the file is the raw request body (no multipart), read up to the upload limit.
 * A declared Content-Length above it is refused before a byte is read; a body that grows past it
 * while streaming is refused as soon as it does, without keeping what came so far.
 */
export async function registerAdminRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await root.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser(UPLOAD_TYPES, { bodyLimit: Number.MAX_SAFE_INTEGER }, readUpload);
    app.addHook('onRequest', async (request) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > OPEN_DATA_UPLOAD_LIMIT_BYTES) throw new AppError('opendata.file_too_large');
    });

    app.post(
      '/api/admin/opendata/imports',
      {
        schema: {
          tags,
          summary: '施設一覧を取り込む（dryRun=true で確認のみ）',
          querystring: ImportQuery,
          response: { 200: ImportReport },
        },
        config: { access: ['ward_admin'] },
      },
      async (request) => {
        const actor = actorOf(request);
        const bytes = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
        const report = await importOpenData(deps, request.ctx, {
          bytes,
          fileName: request.query.fileName || 'upload',
          dryRun: request.query.dryRun,
          // An admin imports into their own municipality only (tenancy); the CLI may choose.
          municipalityOverride: actor.municipalityCode,
          overwriteEditorEdits: request.query.overwriteEditorEdits,
        });
        if (!report.dryRun && !report.committed) throw new AppError('opendata.rows_rejected', { report });
        return report;
      },
    );

    app.get(
      '/api/admin/opendata/imports',
      {
        schema: { tags, summary: '最近の取り込み', response: { 200: ImportSummaryList } },
        config: { access: ['ward_admin'] },
      },
      async (request) => ({ items: await listRecentImports(deps.db, actorOf(request).municipalityCode) }),
    );
  });
}

function readUpload(
  _request: FastifyRequest,
  payload: NodeJS.ReadableStream,
  done: (error: Error | null, body?: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error: Error | null, body?: Buffer) => {
    if (finished) return;
    finished = true;
    done(error, body);
  };
  payload.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > OPEN_DATA_UPLOAD_LIMIT_BYTES) {
      chunks.length = 0;
      finish(new AppError('opendata.file_too_large'));
      return;
    }
    chunks.push(chunk);
  });
  payload.on('end', () => finish(null, Buffer.concat(chunks)));
  payload.on('error', (error: Error) => finish(error));
}
