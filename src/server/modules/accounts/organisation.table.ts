import type { ColumnType, Generated } from 'kysely';
import type { OrganisationKind } from '../../../contracts/roles';

/** A ward section, 地域包括支援センター, hospital, clinic … whose staff use Zaitaku. */
export interface OrganisationTable {
  id: Generated<string>;
  /** Tenant: the municipality this organisation works in. */
  municipality_code: string;
  kind: OrganisationKind;
  /** Unique within the municipality. */
  name: string;
  name_kana: string | null;
  /** Directory facility a facility_editor of this organisation may edit; no FK (the directory owns it). */
  facility_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../platform/db/schema' {
  interface Database {
    organisations: OrganisationTable;
  }
}
