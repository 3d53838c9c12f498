import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // An organisation may be linked only to a facility of its own municipality (issue 12 item 6):
  // the database holds the rule, so no code path (admin page, CLI, import) can link across tenants.
  await sql`create unique index facilities_id_municipality on facilities (id, municipality_code)`.execute(db);
  // A link that breaks the rule (or names a facility that does not exist) cannot be kept; it was
  // never honoured by the directory's editor rights either, which read it with the municipality.
  await sql`
    update organisations o set facility_id = null
    where facility_id is not null
      and not exists (
        select 1 from facilities f where f.id = o.facility_id and f.municipality_code = o.municipality_code
      )`.execute(db);
  // ON DELETE SET NULL (facility_id) (PostgreSQL 15): a facility removed from the directory unlinks
  // the organisation and keeps its municipality.
  await sql`
    alter table organisations
      add constraint organisations_facility_same_municipality
      foreign key (facility_id, municipality_code) references facilities (id, municipality_code)
      on delete set null (facility_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop constraint organisations_facility_same_municipality`.execute(db);
  await sql`drop index facilities_id_municipality`.execute(db);
}
