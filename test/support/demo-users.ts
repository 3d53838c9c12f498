import type { Kysely } from 'kysely';
import type { Role } from '../../src/contracts/roles';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/server/modules/accounts/demo.seed';
import type { Database } from '../../src/server/platform/db/schema';
import type { TestUser } from './factories/accounts';

/**
 * A demo account of the accounts demo seed as a TestUser (its published password and TOTP secret),
 * so a module's demo test signs in through `createApiClient(app).as(user)` as that account would.
 */
export async function demoTestUser(db: Kysely<Database>, email: string): Promise<TestUser> {
  const demo = DEMO_USERS.find((u) => u.email === email);
  const row = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.municipality_code', 'memberships.organisation_id', 'memberships.role'])
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    email,
    password: DEMO_PASSWORD,
    municipalityCode: row.municipality_code,
    organisationId: row.organisation_id,
    role: row.role as Role,
    totpSecret: demo?.totpSecret ?? null,
  };
}
