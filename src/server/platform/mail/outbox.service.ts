import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database, Executor } from '../db/schema';
import type { ModuleDeps } from '../module';
import { claimDueMail } from './outbox.queries';

export type OutgoingMail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  municipalityCode?: string | null;
  /** A link that grants access (reset, invitation): `text` holds SECRET_LINK_PLACEHOLDER in its place. */
  secretLink?: string;
};

export const SECRET_LINK_PLACEHOLDER = '{{secret_link}}';
const SECRET_LINK_NOTICE = '［リンクは宛先に送るメールにだけ記載します / the link is only in the mail sent］';

/** The text as sent: the secret link put in its place. */
export function renderMailText(row: { body_text: string; secret_link: string | null }): string {
  return row.body_text.replaceAll(SECRET_LINK_PLACEHOLDER, row.secret_link ?? SECRET_LINK_NOTICE);
}

/** The text as the ward admin may read it: never the link, which is the recipient's alone. */
export function redactedMailText(row: { body_text: string }): string {
  return row.body_text.replaceAll(SECRET_LINK_PLACEHOLDER, SECRET_LINK_NOTICE);
}

/** Puts a mail in the outbox in the caller's transaction: it is sent only if the use case commits. */
export async function enqueueMail(executor: Executor, mail: OutgoingMail): Promise<string> {
  const row = await executor
    .insertInto('mail_outbox')
    .values({
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      secret_link: mail.secretLink ?? null,
      municipality_code: mail.municipalityCode ?? null,
      last_error: null,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Told after the mail server accepted a mail (the inbox moves the notice it carried to delivered). */
export type MailSentListener = (db: Kysely<Database>, mailId: string, at: Date) => Promise<void>;
const mailSentListeners: MailSentListener[] = [];

/** Adds a listener once (the same function twice is kept once). */
export function onMailSent(listener: MailSentListener): void {
  if (!mailSentListeners.includes(listener)) mailSentListeners.push(listener);
}

export const MAX_ATTEMPTS = 10;
/** Longer than nodemailer's timeouts together (10 + 10 + 20 s), so a live sender never loses its claim. */
const CLAIM_MS = 2 * 60_000;

/** Backoff after the n-th failure: 30 s, 1 min, 2 min … capped at 1 h. */
export function nextDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function createTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  url.searchParams.set('connectionTimeout', '10000');
  url.searchParams.set('greetingTimeout', '10000');
  url.searchParams.set('socketTimeout', '20000');
  return nodemailer.createTransport(url.toString());
}

/** What delivery sends with: the database holding the outbox and the SMTP transport. */
export type MailDeps = Pick<ModuleDeps, 'db'> & { transport: Transporter };

/**
 * Sends every due mail once (as `input.from`, due at `input.now`, by default now); failures are
 * rescheduled with backoff. Returns counts for the log.
 */
export async function deliverDueMail(
  deps: MailDeps,
  input: { from: string; now?: Date },
): Promise<{ sent: number; failed: number }> {
  const { db, transport } = deps;
  const { from, now = new Date() } = input;
  // Claimed before sending, with SKIP LOCKED: two server instances never send the same mail. A
  // sender that dies mid-conversation leaves its claim to expire and the mail is tried again.
  const due = await claimDueMail(db, { now, lockedUntil: new Date(now.getTime() + CLAIM_MS), limit: 50 });
  due.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  let sent = 0;
  let failed = 0;
  for (const mail of due) {
    try {
      await transport.sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: renderMailText(mail),
      });
      await db
        .updateTable('mail_outbox')
        .set({
          status: 'sent',
          sent_at: new Date(),
          attempts: mail.attempts + 1,
          last_error: null,
          secret_link: null,
          locked_until: null,
        })
        .where('id', '=', mail.id)
        .execute();
      sent++;
      // The mail is out: a listener's failure must not make it look unsent (it would go twice).
      for (const listener of mailSentListeners) await listener(db, mail.id, now).catch(() => undefined);
    } catch (error) {
      const attempts = mail.attempts + 1;
      await db
        .updateTable('mail_outbox')
        .set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          next_attempt_at: new Date(now.getTime() + nextDelayMs(attempts)),
          last_error: String((error as Error).message).slice(0, 500),
          locked_until: null,
        })
        .where('id', '=', mail.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}

/** Polls the outbox while the server runs. Without SMTP_URL mails stay in the outbox (the demo). */
export function startMailWorker(
  deps: Pick<ModuleDeps, 'db'>,
  input: { smtpUrl?: string; from: string; intervalMs?: number; log: (msg: string, err?: unknown) => void },
): { stop(): void; kick(): void } {
  if (!input.smtpUrl) return { stop: () => undefined, kick: () => undefined };
  const transport = createTransport(input.smtpUrl);
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await deliverDueMail({ db: deps.db, transport }, { from: input.from });
    } catch (error) {
      input.log('mail worker failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, input.intervalMs ?? 5_000);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
      transport.close();
    },
    kick: () => {
      void tick();
    },
  };
}
