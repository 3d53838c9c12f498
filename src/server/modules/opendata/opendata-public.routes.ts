import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OpenDataCatalog, OpenDataFile, OpenDataFileQuery, openDataFiles } from '../../../contracts/opendata';
import type { ModuleDeps } from '../../platform/module';
import { exportOpenData } from './export/export.service';
import { getCatalog, getDataVersion } from './opendata-public.service';

const tags = ['open data (public)'];

/**
 * Open data downloads: no key, CORS and caching from the platform's public-api hooks. Files are
 * streamed, so the platform cannot hash them for an ETag; a weak ETag from the data's last change
 * lets clients revalidate without downloading again.
 */
export async function registerPublicRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;

  app.get(
    '/api/public/opendata',
    {
      schema: {
        tags,
        summary: 'オープンデータの一覧（ライセンス CC BY 4.0）',
        querystring: OpenDataFileQuery,
        response: { 200: OpenDataCatalog },
      },
      config: { access: 'public' },
    },
    async (request) =>
      getCatalog(deps, request.ctx, request.query.municipality ?? config.DEFAULT_MUNICIPALITY),
  );

  app.get(
    '/api/public/opendata/:file',
    {
      schema: {
        tags,
        summary: '施設一覧のダウンロード（CSV、xlsx、HSDS、FHIR）',
        params: z.object({ file: OpenDataFile }),
        querystring: OpenDataFileQuery,
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const code = request.query.municipality ?? config.DEFAULT_MUNICIPALITY;
      const { file } = request.params;
      const version = await getDataVersion(deps, request.ctx, code);
      const etag = `W/"${createHash('sha1').update(`${file}|${code}|${version}`).digest('base64url')}"`;
      reply.header('etag', etag);
      reply.header('cache-control', 'public, max-age=300');
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) {
        return reply.status(304).send();
      }
      const { format, dataset } = openDataFiles[file];
      const exported = await exportOpenData(deps, request.ctx, { format, dataset, municipalityCode: code });
      reply.header('content-type', exported.mediaType);
      reply.header(
        'content-disposition',
        `attachment; filename="${exported.fileName}"; filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
      );
      return reply.send(exported.stream);
    },
  );
}
