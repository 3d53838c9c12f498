import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../contracts/roles';
import { AppError } from '../errors';

/**
 * Who may call a route. Every route declares one in `config.access` (the app refuses to start
 * otherwise), and the authorisation matrix test is generated from these declarations.
 * - `public`: anyone, no session needed.
 * - `authenticated`: any signed-in user of the municipality (two-factor done where the role needs it).
 * - a list of roles: a signed-in user holding one of them.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Allows a signed-in user who has not yet completed two-factor (enrolment and verify routes). */
    allowPartialLogin?: boolean;
  }
}

/** preHandler: enforces the route's declared access against the actor the auth layer resolved. */
export async function enforceAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === 'public') return;
  const actor = request.ctx.actor;
  if (!actor) throw new AppError('auth.required');
  if (!actor.twoFactorVerified && !request.routeOptions.config.allowPartialLogin) {
    throw new AppError('auth.totp_required');
  }
  if (access === 'authenticated') return;
  if (!actor.roles.some((role) => access.includes(role))) {
    request.ctx.denied = true;
    throw new AppError('auth.forbidden');
  }
}
