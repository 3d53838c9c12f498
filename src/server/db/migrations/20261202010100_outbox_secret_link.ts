import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

const PLACEHOLDER = '{{secret_link}}';
const LINK = String.raw`https?://[^\s]+/(?:invite|reset-password)/[A-Za-z0-9_-]+`;

/**
 * A reset or invitation link is kept apart from the body (which the ward admin can read) and
 * dropped once the mail is sent (decision 030). Mails already stored move their link out: a
 * pending one keeps it until sent, a sent one loses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table mail_outbox add column secret_link text`.execute(db);
  await sql`update mail_outbox
    set secret_link = case when status <> 'sent' then substring(body_text from ${LINK}) end,
        body_text = regexp_replace(body_text, ${LINK}, ${PLACEHOLDER}, 'g')
    where kind in ('invitation', 'password_reset') and body_text ~ ${LINK}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update mail_outbox set body_text = replace(body_text, ${PLACEHOLDER}, coalesce(secret_link, ''))
    where secret_link is not null`.execute(db);
  await sql`alter table mail_outbox drop column secret_link`.execute(db);
}
