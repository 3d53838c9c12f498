import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const PUBLIC_PREFIX = '/api/public/';

/**
 * The public data API (/api/public/*) is open data: no key, CORS for any origin, an ETag so
 * clients revalidate cheaply, and a short shared cache lifetime because the directory changes
 * as needed (随時), not on a schedule.
 */
export function installPublicApiHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(PUBLIC_PREFIX)) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'etag, x-request-id, content-disposition');
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
      reply.header('access-control-allow-headers', 'content-type, if-none-match');
      reply.header('access-control-max-age', '86400');
      return reply.status(204).send();
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(PUBLIC_PREFIX) || request.method !== 'GET' || reply.statusCode !== 200)
      return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams: no ETag
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, max-age=300');
    const match = request.headers['if-none-match'];
    if (match?.split(',').some((t) => t.trim() === etag)) {
      reply.status(304);
      return '';
    }
    return payload;
  });
}
