import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// The council counts discharges by the month they happened and asks whether the circle was told
// before the discharge (issue 14 item 9). The case row only kept its current status, so the moment
// it became `discharged` lived in the audit trail alone. It gets its own column, filled for the
// cases already discharged from the audit row that moved them there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table discharge_cases add column discharged_at timestamptz`.execute(db);
  await sql`
    update discharge_cases c set discharged_at = a.occurred_at
    from (
      select record_id, min(occurred_at) as occurred_at from audit_log
      where action = 'discharge.case.discharge' and record_type = 'discharge_case' and outcome = 'success'
      group by record_id
    ) a
    where a.record_id = c.id::text`.execute(db);
  // The figures read a municipality's discharges of a month range.
  await sql`
    create index discharge_cases_discharged on discharge_cases (municipality_code, discharged_at)
    where discharged_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index discharge_cases_discharged`.execute(db);
  await sql`alter table discharge_cases drop column discharged_at`.execute(db);
}
