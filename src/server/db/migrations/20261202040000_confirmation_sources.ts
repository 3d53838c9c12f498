import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/** ConfirmationSource in src/contracts/directory-core.ts (a unit test compares the two lists). */
export const CONFIRMATION_SOURCES = ['facility', 'ward', 'open_data'];

/**
 * Who confirmed each capability and the facility's basic data (issue 13 §1): until now an imported
 * file's date read as the facility's own confirmation.
 *
 * Backfill: capabilities were written only by an editor's approved change, the "still correct"
 * link or a ward edit (imports never wrote them), so they become `facility` — fresh either way, the
 * exact one was not recorded. A facility's basic data counts as the file's when it came from a file
 * and its editor did not change it since; else as the facility's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sources = sql.join(CONFIRMATION_SOURCES.map((s) => sql.lit(s)));
  await sql`
    alter table facility_capabilities
      add column confirmed_by text not null default 'facility' check (confirmed_by in (${sources})),
      add column confirmed_file text`.execute(db);
  await sql`
    alter table facilities
      add column last_confirmed_by text check (last_confirmed_by in (${sources})),
      add column last_confirmed_file text`.execute(db);
  await sql`
    update facilities f set last_confirmed_by = case
        when f.source_id is not null and (f.edited_by_editor_at is null or f.edited_by_editor_at < f.imported_at)
          then 'open_data' else 'facility' end,
      last_confirmed_file = case
        when f.source_id is not null and (f.edited_by_editor_at is null or f.edited_by_editor_at < f.imported_at)
          then coalesce((select s.source_file from opendata_facility_sources s where s.facility_id = f.id), '')
        end
    where f.last_confirmed_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table facilities drop column last_confirmed_by, drop column last_confirmed_file`.execute(
    db,
  );
  await sql`alter table facility_capabilities drop column confirmed_by, drop column confirmed_file`.execute(
    db,
  );
}
