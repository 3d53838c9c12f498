import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration. The list repeats the access
// bases of src/contracts/patients.ts (access-log-fax-link-migration.test.ts compares them).

/**
 * `fax_link`: a recipient without an account opens or answers a notice through the one-time link
 * of its FAX sheet (it sees the masked name): the access log records that basis too.
 */
export const ACCESS_BASES = ['circle', 'district', 'break_glass', 'referral', 'fax_link'];
const PREVIOUS_ACCESS_BASES = ['circle', 'district', 'break_glass', 'referral'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  // ADD CHECK validates the old rows; the append-only triggers are untouched.
  await sql`alter table access_log drop constraint access_log_basis_check`.execute(db);
  await sql`alter table access_log add constraint access_log_basis_check check (basis in (${list(ACCESS_BASES)}))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_log drop constraint access_log_basis_check`.execute(db);
  await sql`alter table access_log add constraint access_log_basis_check check (basis in (${list(PREVIOUS_ACCESS_BASES)})) not valid`.execute(
    db,
  );
}
