import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config';
import { SESSION_COOKIE } from './session.service';

/** Secure whenever the site is served over TLS (BASE_URL https, or TLS seen by the server/proxy). */
function isSecure(request: FastifyRequest, config: Config): boolean {
  return Boolean(config.BASE_URL?.startsWith('https:')) || request.protocol === 'https';
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), no Max-Age: the
 * browser forgets it when closed, the server enforces idle and absolute lifetimes.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, config),
    path: '/',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, config),
    path: '/',
  });
}

/** A random token per browser: sign-ins from a browser without a known one are mailed (new device). */
export const DEVICE_COOKIE = 'zaitaku_device';
// 400 days, the longest a browser keeps a cookie (RFC 6265bis); sent to the login endpoints only.
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

export function setDeviceCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  token: string,
): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, config),
    path: '/api/auth',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

export function readDeviceCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[DEVICE_COOKIE];
  return value && /^[\w-]{20,100}$/.test(value) ? value : undefined;
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  return value && /^[\w-]{20,100}$/.test(value) ? value : undefined;
}

/**
 * Where links in mails point. BASE_URL when configured; otherwise the request's own origin, but
 * only for loopback hosts, so a forged Host header cannot send a reset link to another site.
 */
export function publicBaseUrl(request: FastifyRequest, config: Config): string {
  if (config.BASE_URL) return config.BASE_URL.replace(/\/$/, '');
  const host = request.host;
  if (/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host)) return `${request.protocol}://${host}`;
  return `http://localhost:${config.PORT}`;
}
