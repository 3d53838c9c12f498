import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config';
import type { RequestContext } from '../context';
import { pingDatabase } from '../db/catalog.queries';
import type { DatabaseHandle } from '../db/database';
import { AppError } from '../errors';
import { registerInboxRoutes } from '../inbox/inbox.routes';
import type { ModuleDeps, ServerModule } from '../module';
import { enforceAccess } from './access';
import { errorBody, installErrorHandler } from './error-handler';
import { accessSchemaTransform } from './openapi-access';
import { installPublicApiHeaders } from './public-api';
import { registerPublicConfigRoute } from './public-config.routes';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext & { denied?: boolean };
  }
}

export type AppOptions = {
  config: Config;
  database: DatabaseHandle;
  modules: ServerModule[];
  kickMail?: () => void;
  /** Directory of the built web app; served with SPA fallback when present. */
  webRoot?: string;
  logger?: boolean;
};

export type RouteInfo = { method: string; url: string; access: unknown; allowPartialLogin: boolean };

/** Builds the HTTP application; `listen` is the caller's business (tests use `inject`). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance & { routeTable: RouteInfo[] }> {
  const { config, database } = options;
  const httpsOnly = config.BASE_URL?.startsWith('https://') ?? false;
  const app = Fastify({
    logger:
      options.logger === false || config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            // No personal data in logs: no bodies, no cookies, no query strings of staff APIs.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            serializers: {
              req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], requestId: req.id }),
            },
          },
    genReqId: (req) => {
      // Written to logs and the audit log: a client's id only when short and plain, else our own.
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // The router's own refusals (a path param past maxParamLength, a malformed %-escape) would
    // answer Fastify's English body without our code; answer them like any other invalid request.
    frameworkErrors: (_error, request, reply) =>
      (reply as unknown as FastifyReply)
        .status(400)
        .send(errorBody('request.invalid', undefined, String(request.id))),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        access,
        allowPartialLogin: Boolean((route.config as { allowPartialLogin?: boolean }).allowPartialLogin),
      });
    }
  });

  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = {
      requestId: request.id,
      clientIp: request.ip,
      municipalityCode: config.DEFAULT_MUNICIPALITY,
    };
    reply.header('x-request-id', request.id);
  });
  // PostgreSQL text cannot hold NUL: refuse it in any input before it reaches a query as a 500.
  app.addHook('preValidation', async (request) => {
    if ([request.query, request.params, request.body].some(containsNul))
      throw new AppError('request.nul_byte');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (httpsOnly) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Staff and session answers carry personal data or tokens: no browser or proxy keeps them.
    if (isPrivateApi(request.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      const tileOrigin = safeOrigin(config.TILE_URL);
      reply.header(
        'content-security-policy',
        [
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
          "connect-src 'self'",
          "frame-ancestors 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ].join('; '),
      );
    }
    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Zaitaku API',
        version: '0.1.0',
        description:
          '在宅療養推進プラットフォーム Zaitaku の API。公開 API（/api/public）はキー不要・CORS 対応です。',
      },
    },
    transform: accessSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const deps: ModuleDeps = {
    db: database.db,
    config,
    engine: database.engine,
    kickMail: options.kickMail ?? (() => undefined),
  };

  await app.register(async (api) => {
    installPublicApiHeaders(api);
    for (const module of options.modules) {
      if (module.prepare) await module.prepare(api, deps);
    }
    api.addHook('preHandler', enforceAccess);
    registerPublicConfigRoute(api, config);
    registerInboxRoutes(api, deps);
    for (const module of options.modules) {
      await module.register(api, deps);
    }
  });

  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await pingDatabase(database.db);
      return { status: 'ready', engine: database.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  const webRoot = options.webRoot ? resolve(options.webRoot) : undefined;
  const hasWeb = Boolean(webRoot && existsSync(join(webRoot, 'index.html')));
  if (hasWeb && webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      // vite.config.ts writes .br and .gz beside each asset: a phone on a slow line gets a third of the bytes.
      preCompressed: true,
      setHeaders: (reply, path) => {
        // Hashed file names change with their content, so they can be cached for a year; index.html never.
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  }
  // Unknown /api paths answer JSON; any other GET is a client-side route of the web app.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', undefined, request.id));
  });

  await app.ready();
  return Object.assign(app, { routeTable }) as unknown as FastifyInstance & { routeTable: RouteInfo[] };
}

function isPrivateApi(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/public/') && !url.startsWith('/api/docs');
}

/** True when a string anywhere in a parsed query, params or JSON body holds U+0000. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return false; // a stream (uploads)
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(item, depth + 1)) return true;
  }
  return false;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return undefined;
  }
}
