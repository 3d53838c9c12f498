import { randomUUID } from 'node:crypto';
import type { Role } from '../../contracts/roles';

/** The signed-in person as every service sees them; built by the auth layer from the session. */
export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  municipalityCode: string;
  roles: Role[];
  /** Organisations the user belongs to, with the role held in each. */
  memberships: Array<{ organisationId: string; role: Role }>;
  twoFactorVerified: boolean;
};

/** What a use case needs to know about the request that asked for it (for audit, never for rules). */
export type RequestContext = {
  requestId: string;
  clientIp: string;
  actor?: Actor;
  /** The municipality in scope: the actor's, or the public default / `municipality` parameter. */
  municipalityCode: string;
  /**
   * Set when no request asked for the work: the scheduled job or the command run by hand that
   * acts (`systemContext`). The audit log names it as the actor.
   */
  system?: string;
};

/**
 * The context of work nobody asked for in a request (a job, a CLI command), for `runUseCase` with
 * `requireActor: false`: no actor, the system's name in the audit log, a request id of its own.
 */
export function systemContext(name: string, municipalityCode: string): RequestContext {
  return { requestId: `${name}#${randomUUID()}`, clientIp: '127.0.0.1', municipalityCode, system: name };
}

export function hasRole(actor: Actor | undefined, ...roles: Role[]): boolean {
  return Boolean(actor?.roles.some((r) => roles.includes(r)));
}
