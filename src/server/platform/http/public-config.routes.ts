import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PublicConfig } from '../../../contracts/platform';
import type { Config } from '../config';

/** `GET /api/public/config`: tile server and default municipality, so maps follow TILE_URL. */
export function registerPublicConfigRoute(app: FastifyInstance, config: Config): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: '地図タイルと既定の自治体 / map tiles and default municipality',
        response: { 200: PublicConfig },
      },
    },
    async () => ({
      tileUrl: config.TILE_URL.trim() === '' ? null : config.TILE_URL,
      attribution: config.TILE_ATTRIBUTION,
      defaultMunicipality: config.DEFAULT_MUNICIPALITY,
    }),
  );
}
