import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type ConfirmationSource,
  type ConfirmResponse,
  confirmPagePath,
  type ReminderRunResponse,
} from '../../../contracts/directory';
import { writeAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox.service';
import { listMunicipalities } from '../../platform/municipality.queries';
import { listFacilityEditorIds } from './facility-editor.queries';
import { noticeReminder } from './facility-notices';
import { staleBefore } from './search.service';

/** A facility is reminded at most once per this many days. */
const REMIND_INTERVAL_DAYS = 30;
const TOKEN_VALID_DAYS = 60;
const DAY_MS = 86_400_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type StaleFacility = { id: string; name: string; email: string | null };

async function findFacilitiesToRemind(
  db: Kysely<Database> | Transaction<Database>,
  municipalityCode: string,
  now: Date,
) {
  const { rows } = await sql<StaleFacility>`
    select f.id, f.name, f.email from facilities f
    where f.municipality_code = ${municipalityCode} and f.status = 'active'
      and (f.reminded_at is null or f.reminded_at < ${new Date(now.getTime() - REMIND_INTERVAL_DAYS * DAY_MS)})
      and exists (select 1 from facility_capabilities c
        where c.facility_id = f.id and c.confirmed_at < ${staleBefore(now)})
    order by f.kana_key, f.id`.execute(db);
  return rows;
}

function reminderText(name: string, link: string): string {
  return [
    `${name} ご担当者様`,
    '',
    '目黒区の医療介護資源情報（在宅療養資源マップ）に掲載している貴施設の「在宅医療・介護の対応」が、12か月以上確認されていません。',
    '内容に変更がなければ、次のリンクを開いて「このままで正しい」を押してください（1回だけ使えます）。',
    link,
    '変更がある場合は、施設編集のアカウントでログインして変更を申請してください。',
    '',
    '---',
    'The home-care capabilities listed for your facility have not been confirmed for 12 months.',
    'If they are still correct, open the link above and press "still correct" (single use).',
  ].join('\n');
}

/**
 * Reminds every active facility whose capabilities were not confirmed for 12 months (at most once
 * per 30 days): a mail with a one-click "still correct" link to the facility's address, and a
 * notice to its editors' inboxes (and their mail). A facility with neither is skipped and stays due.
 */
export async function remindStaleFacilities(
  db: Kysely<Database>,
  options: RemindOptions,
): Promise<ReminderRunResponse> {
  return db.transaction().execute((trx) => remindInTransaction(trx, options));
}

type RemindOptions = {
  municipalityCode: string;
  baseUrl: string;
  now?: Date;
  dryRun?: boolean;
  ctx?: RequestContext;
};

async function remindInTransaction(
  trx: Transaction<Database>,
  options: RemindOptions,
): Promise<ReminderRunResponse> {
  const now = options.now ?? new Date();
  const due = await findFacilitiesToRemind(trx, options.municipalityCode, now);
  const reachable: Array<StaleFacility & { editors: number }> = [];
  for (const facility of due) {
    const editors = (await listFacilityEditorIds(trx, options.municipalityCode, facility.id)).length;
    if (facility.email || editors > 0) reachable.push({ ...facility, editors });
  }
  const withEmail = reachable.filter((f) => f.email);
  const result = {
    facilities: due.length,
    mailsQueued: options.dryRun ? 0 : withEmail.length,
    skippedWithoutEmail: due.length - reachable.length,
  };
  if (options.dryRun || reachable.length === 0) return result;
  for (const facility of reachable) {
    if (facility.email)
      await mailConfirmLink(trx, options, facility as StaleFacility & { email: string }, now);
    await noticeReminder(trx, {
      id: facility.id,
      name: facility.name,
      municipalityCode: options.municipalityCode,
    });
    await trx.updateTable('facilities').set({ reminded_at: now }).where('id', '=', facility.id).execute();
  }
  await writeAudit(trx, options.ctx, {
    action: 'facility.reminder.send',
    municipalityCode: options.municipalityCode,
    ...(options.ctx?.actor ? {} : { actorLabel: 'zaitaku directory remind' }),
    details: { facilities: reachable.length, mails: withEmail.length },
  });
  return result;
}

async function mailConfirmLink(
  trx: Transaction<Database>,
  options: { municipalityCode: string; baseUrl: string },
  facility: StaleFacility & { email: string },
  now: Date,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('facility_confirm_tokens')
    .values({
      token_hash: hashToken(token),
      municipality_code: options.municipalityCode,
      facility_id: facility.id,
      expires_at: new Date(now.getTime() + TOKEN_VALID_DAYS * DAY_MS),
      used_at: null,
    })
    .execute();
  await enqueueMail(trx, {
    kind: 'directory.confirm_reminder',
    to: facility.email,
    subject: '【確認のお願い】在宅療養資源マップの掲載内容 / Please confirm your listing',
    text: reminderText(facility.name, `${options.baseUrl.replace(/\/$/, '')}${confirmPagePath(token)}`),
    municipalityCode: options.municipalityCode,
  });
}

/**
 * The daily run of the reminders for every municipality (the `directory.remind` job), so nobody
 * has to remember `zaitaku directory remind`.
 */
export async function remindAllMunicipalities(
  trx: Transaction<Database>,
  options: { baseUrl: string; now: Date },
): Promise<number> {
  let facilities = 0;
  for (const { code } of await listMunicipalities(trx)) {
    const result = await remindInTransaction(trx, {
      municipalityCode: code,
      baseUrl: options.baseUrl,
      now: options.now,
    });
    facilities += result.facilities - result.skippedWithoutEmail;
  }
  return facilities;
}

/**
 * The one-click "still correct": refreshes the confirmed dates of all the facility's
 * capabilities; the token works once. Throws directory.confirm_token_invalid.
 */
export async function confirmByToken(
  db: Kysely<Database>,
  ctx: RequestContext,
  token: string,
  now: Date = new Date(),
): Promise<ConfirmResponse> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('facility_confirm_tokens as t')
      .innerJoin('facilities as f', 'f.id', 't.facility_id')
      .select(['t.token_hash', 't.facility_id', 't.municipality_code', 'f.name', 'f.version'])
      .where('t.token_hash', '=', hashToken(token))
      .where('t.used_at', 'is', null)
      .where('t.expires_at', '>', now)
      .forUpdate('t')
      .executeTakeFirst();
    if (!row) throw new AppError('directory.confirm_token_invalid');
    await trx
      .updateTable('facility_confirm_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', row.token_hash)
      .execute();
    const capabilities = await markFacilityConfirmed(trx, ctx, {
      facilityId: row.facility_id,
      municipalityCode: row.municipality_code,
      version: row.version,
      // The link went to the facility's own address: whoever opens it speaks for the facility.
      by: { userId: null, label: 'confirm-link', source: 'facility' },
      now,
    });
    return {
      facilityId: row.facility_id,
      name: row.name,
      confirmedAt: now.toISOString(),
      capabilities,
    };
  });
}

/**
 * "Still correct": refreshes every capability's confirmed date and the facility's, records it in
 * the history and the audit log. Used by the mailed one-click link and by the editor's button.
 * Returns how many capabilities were confirmed.
 */
export async function markFacilityConfirmed(
  trx: Transaction<Database>,
  ctx: RequestContext,
  input: {
    facilityId: string;
    municipalityCode: string;
    version: number;
    by: { userId: string | null; label: string; source: ConfirmationSource };
    now: Date;
  },
): Promise<number> {
  const { facilityId, municipalityCode, now } = input;
  const source = input.by.source;
  const updated = await trx
    .updateTable('facility_capabilities')
    .set({ confirmed_at: now, confirmed_by: source, confirmed_file: null })
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  await trx
    .updateTable('facilities')
    .set({ last_confirmed_at: now, last_confirmed_by: source, last_confirmed_file: null })
    .where('id', '=', facilityId)
    .execute();
  await trx
    .insertInto('facility_history')
    .values({
      municipality_code: municipalityCode,
      facility_id: facilityId,
      version: input.version,
      source: 'confirm',
      changed_by_user_id: input.by.userId,
      changed_by_label: input.by.label,
      changes: JSON.stringify({ confirmedAt: { before: null, after: now.toISOString() } }),
    })
    .execute();
  await writeAudit(trx, ctx, {
    action: 'facility.confirm',
    recordType: 'facility',
    recordId: facilityId,
    municipalityCode,
    ...(input.by.userId ? {} : { actorLabel: input.by.label }),
  });
  return Number(updated.numUpdatedRows);
}
