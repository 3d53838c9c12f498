import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Second-factor failures get their own counter. Sharing one with passwords let a correct password
 * reset it, so {right password, four wrong codes} repeated forever never locked the account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column totp_failed_attempts integer not null default 0
    constraint users_totp_failed_attempts_check check (totp_failed_attempts >= 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column totp_failed_attempts`.execute(db);
}
