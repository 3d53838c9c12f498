import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A sender claims a mail before the SMTP conversation: a second server instance skips it.
  await sql`alter table mail_outbox add column locked_until timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table mail_outbox drop column locked_until`.execute(db);
}
