import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  type ConfirmationSource,
  type ConfirmResponse,
  confirmPagePath,
  type ReminderRunResponse,
} from '../../../contracts/directory';
import { type Actor, type RequestContext, systemContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox.service';
import type { ModuleDeps } from '../../platform/module';
import { listMunicipalities } from '../../platform/municipality.queries';
import { runUseCase, type UseCase } from '../../platform/use-case';
import { insertHistory } from './facility-admin.queries';
import { listFacilityEditorIds } from './facility-editor.queries';
import { noticeReminder } from './facility-notices';
import {
  findFacilitiesToRemind,
  findUsableToken,
  insertConfirmToken,
  markConfirmed,
  markReminded,
  markTokenUsed,
  type StaleFacility,
} from './reminder.queries';
import { staleBefore } from './search.service';

type Deps = Pick<ModuleDeps, 'db'>;

/** The job's kind, and the name it acts under in the audit log. */
export const REMIND_JOB = 'directory.remind';
/** A facility is reminded at most once per this many days. */
const REMIND_INTERVAL_DAYS = 30;
const TOKEN_VALID_DAYS = 60;
const DAY_MS = 86_400_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
 * Reminds every active facility of the context's municipality whose capabilities were not
 * confirmed for 12 months (at most once per 30 days): a mail with a one-click "still correct" link
 * to the facility's address, and a notice to its editors' inboxes (and their mail). A facility with
 * neither is skipped and stays due. Run by a ward_admin or as the system (`systemContext`: the
 * daily job, `zaitaku directory remind`).
 */
export async function remindStaleFacilities(
  deps: Deps,
  ctx: RequestContext,
  input: { baseUrl: string; dryRun?: boolean },
): Promise<ReminderRunResponse> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      if (!actor && !ctx.system) throw new AppError('auth.required');
      const municipalityCode = actor?.municipalityCode ?? ctx.municipalityCode;
      const due = await findFacilitiesToRemind(trx, municipalityCode, {
        remindedBefore: new Date(now.getTime() - REMIND_INTERVAL_DAYS * DAY_MS),
        staleBefore: staleBefore(now),
      });
      const reachable: Array<StaleFacility & { editors: number }> = [];
      for (const facility of due) {
        const editors = (await listFacilityEditorIds(trx, municipalityCode, facility.id)).length;
        if (facility.email || editors > 0) reachable.push({ ...facility, editors });
      }
      const withEmail = reachable.filter((f) => f.email);
      const result = {
        facilities: due.length,
        mailsQueued: input.dryRun ? 0 : withEmail.length,
        skippedWithoutEmail: due.length - reachable.length,
      };
      if (input.dryRun || reachable.length === 0) return result;
      for (const facility of reachable) {
        if (facility.email)
          await mailConfirmLink(
            trx,
            { municipalityCode, baseUrl: input.baseUrl },
            facility as StaleFacility & { email: string },
            now,
          );
        await noticeReminder(trx, { id: facility.id, name: facility.name, municipalityCode });
        await markReminded(trx, facility.id, now);
      }
      await audit({
        action: 'facility.reminder.send',
        municipalityCode,
        details: { facilities: reachable.length, mails: withEmail.length },
      });
      return result;
    },
    { requireActor: false },
  );
}

async function mailConfirmLink(
  trx: Transaction<Database>,
  options: { municipalityCode: string; baseUrl: string },
  facility: StaleFacility & { email: string },
  now: Date,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await insertConfirmToken(trx, {
    hash: hashToken(token),
    municipalityCode: options.municipalityCode,
    facilityId: facility.id,
    expiresAt: new Date(now.getTime() + TOKEN_VALID_DAYS * DAY_MS),
  });
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
 * has to remember `zaitaku directory remind`. `deps.db` is the job's transaction: the reminders
 * commit once, with the job's "done". Returns how many facilities were reminded.
 */
export async function remindAllMunicipalities(deps: Deps, input: { baseUrl: string }): Promise<number> {
  let facilities = 0;
  for (const { code } of await listMunicipalities(deps.db)) {
    const result = await remindStaleFacilities(deps, systemContext(REMIND_JOB, code), input);
    facilities += result.facilities - result.skippedWithoutEmail;
  }
  return facilities;
}

/**
 * The one-click "still correct": refreshes the confirmed dates of all the facility's
 * capabilities; the token works once. Throws directory.confirm_token_invalid.
 */
export async function confirmByToken(
  deps: Deps,
  ctx: RequestContext,
  token: string,
): Promise<ConfirmResponse> {
  return runUseCase(
    deps,
    ctx,
    async (uc) => {
      const row = await findUsableToken(uc.trx, hashToken(token), uc.now);
      if (!row) throw new AppError('directory.confirm_token_invalid');
      await markTokenUsed(uc.trx, row.token_hash, uc.now);
      const capabilities = await markFacilityConfirmed(uc, {
        facilityId: row.facility_id,
        municipalityCode: row.municipality_code,
        version: row.version,
        // The link went to the facility's own address: whoever opens it speaks for the facility.
        by: { userId: null, label: 'confirm-link', source: 'facility' },
      });
      return {
        facilityId: row.facility_id,
        name: row.name,
        confirmedAt: uc.now.toISOString(),
        capabilities,
      };
    },
    { requireActor: false },
  );
}

/**
 * "Still correct": refreshes every capability's confirmed date and the facility's, records it in
 * the history and the audit log, within the calling use case. Used by the mailed one-click link and
 * by the editor's button. Returns how many capabilities were confirmed.
 */
export async function markFacilityConfirmed(
  uc: Pick<UseCase<Actor | undefined>, 'trx' | 'now' | 'audit'>,
  input: {
    facilityId: string;
    municipalityCode: string;
    version: number;
    by: { userId: string | null; label: string; source: ConfirmationSource };
  },
): Promise<number> {
  const { facilityId, municipalityCode } = input;
  const { trx, now } = uc;
  const capabilities = await markConfirmed(trx, facilityId, now, input.by.source);
  await insertHistory(trx, {
    municipality_code: municipalityCode,
    facility_id: facilityId,
    version: input.version,
    source: 'confirm',
    changed_by_user_id: input.by.userId,
    changed_by_label: input.by.label,
    changes: JSON.stringify({ confirmedAt: { before: null, after: now.toISOString() } }),
  });
  await uc.audit({
    action: 'facility.confirm',
    recordType: 'facility',
    recordId: facilityId,
    municipalityCode,
    ...(input.by.userId ? {} : { actorLabel: input.by.label }),
  });
  return capabilities;
}
