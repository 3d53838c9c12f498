import QRCode from 'qrcode';
import type { FaxSheet, NoticeLinkAnswerBody, NoticeLinkView } from '../../../contracts/notices';
import { recordAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { createToken, hashToken } from '../accounts';
import { assertPatientAccess } from '../patients';
import { findNotice, type NoticeRow, updateNotice } from './case-notice.queries';
import { findLinkByHash, insertLink, markLinkUsed, retireLinksOfNotice } from './case-notice-link.queries';
import { assertCoordinator } from './discharge.policy';
import { markNoticeAcknowledged } from './notice.service';
import { findNoticeSubject, findOrganisationPhone, findRecipientFacility } from './notice-delivery.queries';
import { noticeWorkflow } from './notice-status';
import { findChange, insertResponse, updateChange } from './provider-change.queries';
import { providerChangeWorkflow } from './provider-change-status';

type Deps = Pick<ModuleDeps, 'db' | 'config'>;

/** How long a FAX sheet's link works: a clinic's FAX tray is read within days, not weeks. */
const LINK_DAYS = 14;

/** 目黒 太郎 → 目黒 ○○ 様: the family name only (a FAX lands on a shared machine). */
export function maskPatientName(name: string): string {
  const family = name.trim().split(/[\s\u3000]+/)[0] ?? '';
  const shown = family.length > 0 && family !== name.trim() ? family : name.trim().slice(0, 1);
  return `${shown} ○○ 様`;
}

/**
 * Prints (again) the FAX sheet of a notice whose recipient has no account: a new one-time link
 * (any older one stops working) as URL and QR code, the masked name and the hospital's number.
 * The notice counts as sent. Throws auth.forbidden, not_found, notice.not_fax.
 */
export async function issueFaxSheet(deps: Deps, ctx: RequestContext, noticeId: string): Promise<FaxSheet> {
  const issued = await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    assertCoordinator(actor);
    const notice = await findNotice(trx, actor.municipalityCode, noticeId, true);
    if (!notice) throw new AppError('not_found');
    await assertPatientAccess(trx, ctx, notice.patient_id, 'read', {
      recordType: 'case_notice',
      recordId: notice.id,
    });
    if (notice.channel !== 'fax') throw new AppError('notice.not_fax');
    const token = createToken();
    const expiresAt = new Date(now.getTime() + LINK_DAYS * 24 * 3600_000);
    await retireLinksOfNotice(trx, notice.id, now);
    await insertLink(trx, {
      municipality_code: notice.municipality_code,
      notice_id: notice.id,
      token_hash: hashToken(token),
      expires_at: expiresAt,
      used_at: null,
      created_by: actor.userId,
    });
    if (notice.status === 'queued') {
      await updateNotice(trx, notice.id, {
        status: noticeWorkflow.next(notice.status, 'send'),
        sent_at: now,
      });
    }
    const view = await viewOf(trx, notice, expiresAt);
    const facility = await findRecipientFacility(trx, notice);
    await audit({
      action: 'discharge.notice.fax_sheet',
      recordType: 'case_notice',
      recordId: notice.id,
      patientId: notice.patient_id,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { token, view, now, recipientFax: facility?.fax ?? null };
  });
  const url = `${(deps.config.BASE_URL ?? '').replace(/\/$/, '')}/notice-answer/${issued.token}`;
  return {
    noticeId,
    kind: issued.view.kind,
    maskedPatientName: issued.view.maskedPatientName,
    recipientLabel: issued.view.recipientLabel,
    recipientFax: issued.recipientFax,
    hospitalName: issued.view.hospitalName,
    hospitalPhone: issued.view.hospitalPhone,
    url,
    qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    expiresAt: issued.view.expiresAt,
    issuedAt: issued.now.toISOString(),
  };
}

/** What the link shows before the answer. Throws notice.link_invalid (unknown, used or expired). */
export async function viewNoticeLink(
  deps: Deps,
  ctx: RequestContext,
  token: string,
): Promise<NoticeLinkView> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, now }) => {
      const { link, notice } = await usableLink(trx, token, now, false);
      // The page shows the patient's masked name: a read of patient data like any other.
      await recordLinkAccess(trx, ctx, notice, 'read', 'FAX の回答リンク / FAX link');
      return viewOf(trx, notice, link.expires_at);
    },
    { requireActor: false },
  );
}

/**
 * The answer through the FAX sheet's link, once: the notice is acknowledged (and a proposed
 * change gets the incumbent's agree or objection, as if answered in the app). The response row
 * names the link (`responded_by` holds its id) and the name given; both are audited.
 * Throws notice.link_invalid, notice.answer_required, provider_change.invalid_transition.
 */
export async function answerNoticeLink(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  body: NoticeLinkAnswerBody,
): Promise<void> {
  await runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      const { link, notice } = await usableLink(trx, token, now, true);
      await markLinkUsed(trx, link.id, now);
      const label = `${body.name}（FAX の回答リンク / FAX link）`;
      await recordLinkAccess(trx, ctx, notice, 'write', label);
      if (notice.kind === 'provider_change' && notice.provider_change_id) {
        if (!body.answer) throw new AppError('notice.answer_required');
        const change = await findChange(trx, notice.municipality_code, notice.provider_change_id, true);
        if (!change) throw new AppError('notice.link_invalid');
        const event = body.answer === 'agree' ? 'acknowledge' : 'object';
        const status = providerChangeWorkflow.next(change.status, event, 'incumbent');
        await insertResponse(trx, {
          municipality_code: change.municipality_code,
          change_id: change.id,
          answer: body.answer,
          reason: body.reason ?? null,
          responded_by: link.id,
          responded_by_label: label,
          responded_at: now,
        });
        await updateChange(trx, change.id, { status, updated_at: now });
        await audit({
          action: `discharge.change.${event}`,
          recordType: 'provider_change',
          recordId: change.id,
          patientId: change.patient_id,
          actorLabel: label,
          municipalityCode: change.municipality_code,
          details: { from: change.status, to: status, linkId: link.id },
        });
      }
      if (notice.status !== 'acknowledged') await markNoticeAcknowledged(trx, notice, null, now);
      await audit({
        action: 'discharge.notice.acknowledge_by_link',
        recordType: 'case_notice',
        recordId: notice.id,
        patientId: notice.patient_id,
        actorLabel: label,
        municipalityCode: notice.municipality_code,
        details: { linkId: link.id, answer: body.answer ?? 'received' },
      });
    },
    { requireActor: false },
  );
}

/** Nobody is signed in on the link: the access row names the link's basis, the name given and the notice's ward. */
function recordLinkAccess(
  trx: Parameters<typeof recordAccess>[0],
  ctx: RequestContext,
  notice: NoticeRow,
  action: 'read' | 'write',
  actorLabel: string,
) {
  return recordAccess(trx, ctx, {
    patientId: notice.patient_id,
    recordType: 'case_notice',
    recordId: notice.id,
    action,
    basis: 'fax_link',
    actorLabel,
    municipalityCode: notice.municipality_code,
  });
}

async function usableLink(
  trx: Parameters<typeof findLinkByHash>[0],
  token: string,
  now: Date,
  lock: boolean,
) {
  const link = await findLinkByHash(trx, hashToken(token), lock);
  if (!link || link.used_at !== null || link.expires_at <= now) throw new AppError('notice.link_invalid');
  const notice = await findNotice(trx, link.municipality_code, link.notice_id, lock);
  if (!notice) throw new AppError('notice.link_invalid');
  return { link, notice };
}

async function viewOf(
  trx: Parameters<typeof findNoticeSubject>[0],
  notice: NoticeRow,
  expiresAt: Date,
): Promise<NoticeLinkView> {
  const subject = await findNoticeSubject(trx, notice.id);
  const hospital = await findOrganisationPhone(
    trx,
    subject.hospital_organisation_id ?? subject.opened_by_organisation_id,
  );
  return {
    kind: notice.kind,
    maskedPatientName: maskPatientName(subject.patient_name),
    recipientLabel: notice.recipient_label,
    hospitalName: subject.hospital_name ?? hospital?.name ?? '—',
    hospitalPhone: hospital?.phone ?? null,
    needsAnswer: notice.kind === 'provider_change',
    expiresAt: expiresAt.toISOString(),
  };
}
