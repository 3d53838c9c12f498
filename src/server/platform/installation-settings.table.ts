import type { ColumnType } from 'kysely';

/**
 * Facts about the installation itself, not about any tenant: that the demo was seeded and when,
 * the lines the server prints at start while the demo exists. A small key/value table, because
 * each fact is read once at start and written once by a seeder; a column per fact would need a
 * migration for every new one.
 */
export interface InstallationSettingsTable {
  /** What the fact is: `demo_seeded`, `demo_banner`. */
  key: string;
  /** The fact as JSON (an object or a list of lines). */
  value: ColumnType<unknown, string, string>;
  /** When it was last written (UTC); set by the database. */
  updated_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

declare module './db/schema' {
  interface Database {
    installation_settings: InstallationSettingsTable;
  }
}
