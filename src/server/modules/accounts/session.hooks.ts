import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import { enforceAccess } from '../../platform/http/access';
import { RateLimiter } from '../../platform/http/rate-limit';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { clientNetworkKey } from './client-network';
import { toActor, twoFactorStatusOfRecord } from './session.presenter';
import { findSessionRecord, type SessionRecord } from './session.queries';
import { resolveSession, sessionDeadlines } from './session.service';
import { clearSessionCookie, readSessionCookie } from './session-cookie';
import { hashToken, safeEqual } from './tokens';
import { isTwoFactorSatisfied } from './two-factor.policy';

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session behind `ctx.actor`, when the request carried a valid session cookie. */
    accountSession?: SessionRecord;
  }
  interface FastifyContextConfig {
    /** Login-type endpoints: counted against the stricter per-address limit (20/min). */
    authRateLimit?: boolean;
    /** Reachable while a one-time password still has to be changed (change-password itself). */
    allowPendingPasswordChange?: boolean;
  }
}

/**
 * Per client network (IPv4 address or IPv6 /64), on login, two-factor, reset and invitation
 * endpoints, across accounts (password spraying); per-account lockout is lockout.service.ts.
 */
export const AUTH_RATE_LIMIT_PER_MINUTE = 20;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const deniedReasons = new WeakMap<FastifyRequest, string>();

/**
 * Everything between the cookie and the route: rate limits, Origin and CSRF checks, session →
 * `request.ctx.actor`, and the access rules — checked before body validation, so an anonymous or
 * unauthorised caller learns nothing from validation errors.
 */
export function installSessionHooks(app: FastifyInstance, deps: ModuleDeps): void {
  const { config, db } = deps;
  const general =
    config.RATE_LIMIT_PER_MINUTE > 0 ? new RateLimiter(config.RATE_LIMIT_PER_MINUTE, 60_000) : undefined;
  const auth = new RateLimiter(AUTH_RATE_LIMIT_PER_MINUTE, 60_000);

  app.decorateRequest('accountSession', undefined);
  app.addHook('onRequest', async (request, reply) => {
    applyRateLimit(request, reply, general);
    if (request.routeOptions.config.authRateLimit) applyRateLimit(request, reply, auth);
    if (STATE_CHANGING.has(request.method)) await checkOrigin(request, deps);
    await attachSession(request, reply, deps);
    if (STATE_CHANGING.has(request.method)) checkCsrf(request);
    await checkAccess(request, reply);
  });

  // Authorisation failures are audited (MHLW 6.0 / ASVS 16): onSend still runs before the reply
  // leaves, so the row exists by the time the client sees the 403.
  app.addHook('onSend', async (request, reply, payload) => {
    // Staff answers may hold personal data: never kept by the browser or a shared proxy cache.
    const access = request.routeOptions.config?.access;
    if (access !== undefined && access !== 'public' && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    if (reply.statusCode === 403 && request.ctx?.denied) {
      try {
        await writeAudit(db, request.ctx, {
          action: 'auth.denied',
          outcome: 'denied',
          details: {
            method: request.method,
            route: request.routeOptions.url ?? null,
            reason: deniedReasons.get(request) ?? 'role',
          },
        });
      } catch (error) {
        request.log.error({ err: error, requestId: request.id }, 'could not audit a denied request');
      }
    }
    return payload;
  });
}

function applyRateLimit(
  request: FastifyRequest,
  reply: FastifyReply,
  limiter: RateLimiter | undefined,
): void {
  if (!limiter) return;
  // Per IPv4 address, per IPv6 /64 (client-network.ts): rotating addresses inside one's own /64
  // must not buy a fresh budget of guesses across accounts.
  const key = clientNetworkKey(request.ip);
  const now = clock.now().getTime();
  if (limiter.hit(key, now)) return;
  const retryAfterSeconds = limiter.retryAfterSeconds(key, now);
  reply.header('retry-after', String(retryAfterSeconds));
  throw new AppError('rate_limited', { retryAfterSeconds });
}

/** Browsers send Origin on cross-site POSTs; anything but our own origin is refused (login included). */
async function checkOrigin(request: FastifyRequest, deps: ModuleDeps): Promise<void> {
  const origin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  const allowed = new Set([`${request.protocol}://${request.host}`]);
  if (deps.config.BASE_URL) allowed.add(new URL(deps.config.BASE_URL).origin);
  if ((origin !== undefined && !allowed.has(origin)) || fetchSite === 'cross-site') {
    request.ctx.denied = true;
    deniedReasons.set(request, 'origin');
    await identifyRefusedCaller(request, deps);
    throw new AppError('auth.origin_invalid');
  }
}

/**
 * Names the session's user on the audit row of a refused foreign-Origin request: a forged
 * request rides on its victim's cookie, and the log should say whose. Read only: the session is
 * neither touched (a forged request must not keep it alive) nor ended.
 */
async function identifyRefusedCaller(request: FastifyRequest, deps: ModuleDeps): Promise<void> {
  const token = readSessionCookie(request);
  if (!token) return;
  const record = await findSessionRecord(deps.db, { tokenHash: hashToken(token) });
  if (record?.status !== 'active') return;
  const { idle, absolute } = sessionDeadlines(record, deps.config);
  const now = clock.now();
  if (now >= idle || now >= absolute) return;
  request.ctx.actor = toActor(record);
  request.ctx.municipalityCode = record.municipalityCode;
}

async function attachSession(request: FastifyRequest, reply: FastifyReply, deps: ModuleDeps): Promise<void> {
  const token = readSessionCookie(request);
  if (!token) return;
  const resolved = await resolveSession(deps, token);
  if (resolved.state === 'active') {
    request.accountSession = resolved.record;
    request.ctx.actor = toActor(resolved.record);
    request.ctx.municipalityCode = resolved.record.municipalityCode;
    return;
  }
  clearSessionCookie(request, reply, deps.config);
  const access = request.routeOptions.config.access;
  if (access !== undefined && access !== 'public') throw new AppError('auth.session_expired');
}

function checkCsrf(request: FastifyRequest): void {
  const session = request.accountSession;
  if (!session) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string' && safeEqual(header, session.csrfToken)) return;
  request.ctx.denied = true;
  deniedReasons.set(request, 'csrf');
  throw new AppError('auth.csrf_invalid');
}

async function checkAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const routeConfig = request.routeOptions.config;
  if (routeConfig.access === undefined || routeConfig.access === 'public') return;
  const session = request.accountSession;
  if (session) {
    const status = twoFactorStatusOfRecord(session);
    if (!isTwoFactorSatisfied(status) && !routeConfig.allowPartialLogin) {
      throw new AppError(
        status === 'enrolment_required' ? 'auth.totp_enrolment_required' : 'auth.totp_required',
      );
    }
    if (
      session.passwordChangeRequired &&
      !routeConfig.allowPendingPasswordChange &&
      !routeConfig.allowPartialLogin
    ) {
      throw new AppError('auth.password_change_required');
    }
  }
  await enforceAccess(request, reply);
}
