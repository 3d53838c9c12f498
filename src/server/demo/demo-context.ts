import type { Role } from '../../contracts/roles';
import type { Actor, RequestContext } from '../platform/context';
import type { ModuleDeps } from '../platform/module';

/** The demo accounts of the accounts module's demo seed, by email (the seeds act as them). */
export const DEMO_EMAILS = {
  hospital: 'hospital@demo.zaitaku.jp',
  clinician: 'clinician@demo.zaitaku.jp',
  /** The dental association's desk (目黒区歯科医師会 かかりつけ歯科医紹介窓口, an `association`). */
  dentalDesk: 'dentaldesk@demo.zaitaku.jp',
} as const;

/**
 * The request context a demo seed acts with, as the session layer would build it for that demo
 * account, so the seeds go through the modules' own use cases (notices, audit, access log as in
 * real use). Undefined when the account does not exist (another municipality, no accounts demo).
 */
export async function demoContext(
  deps: Pick<ModuleDeps, 'db'>,
  municipalityCode: string,
  email: string,
): Promise<(RequestContext & { actor: Actor }) | undefined> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('municipality_code', '=', municipalityCode)
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return undefined;
  const memberships = await deps.db
    .selectFrom('memberships')
    .select(['organisation_id as organisationId', 'role'])
    .where('user_id', '=', user.id)
    .execute();
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    municipalityCode,
    roles: [...new Set(memberships.map((m) => m.role as Role))],
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role as Role })),
    twoFactorVerified: true,
  };
  return { requestId: 'demo-seed', clientIp: '127.0.0.1', municipalityCode, actor };
}

/** The organisation a demo account acts for (its first membership), or undefined as demoContext. */
export async function demoOrganisationId(
  deps: Pick<ModuleDeps, 'db'>,
  municipalityCode: string,
  email: string,
): Promise<string | undefined> {
  return (await demoContext(deps, municipalityCode, email))?.actor.memberships[0]?.organisationId;
}
