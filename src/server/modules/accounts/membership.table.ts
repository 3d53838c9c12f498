import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../../contracts/roles';

/** A role a user holds in one organisation (a user may hold several). */
export interface MembershipTable {
  id: Generated<string>;
  /** Tenant, equal to both the user's and the organisation's. */
  municipality_code: string;
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db/schema' {
  interface Database {
    memberships: MembershipTable;
  }
}
