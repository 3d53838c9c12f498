import type { NoticeAckBody, PendingAcknowledgment } from '../../../contracts/discharge';
import type { Page, PageQuery } from '../../../contracts/page';
import { recordListAccess } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { decodeTimeCursor, toPage } from '../../platform/db/pagination';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { assertPatientAccess } from '../patients';
import { findNotice, listPendingForOrganisations } from './case-notice.queries';
import { presentNotice } from './discharge.presenter';
import { markNoticeAcknowledged } from './notice.service';
import { respondToChange } from './provider-change.service';

type Deps = Pick<ModuleDeps, 'db'>;

/**
 * Notices to the caller's organisations still waiting for their answer (the clinician's list), in
 * the one list pattern: newest first, keyset on (created_at, id); each listed notice's read is in
 * the access log. Throws request.invalid for a cursor this list did not write.
 */
export async function listPendingAcknowledgments(
  deps: Deps,
  ctx: RequestContext,
  query: PageQuery,
): Promise<Page<PendingAcknowledgment>> {
  const after = decodeTimeCursor(query.cursor);
  return runUseCase(deps, ctx, async ({ trx, actor }) => {
    const organisationIds = [...new Set(actor.memberships.map((m) => m.organisationId))];
    const rows = await listPendingForOrganisations(trx, {
      municipalityCode: actor.municipalityCode,
      organisationIds,
      after,
      limit: query.limit + 1,
    });
    const listed = rows.slice(0, query.limit);
    await recordListAccess(trx, ctx, listed, (r) => ({
      patientId: r.patient_id,
      recordType: 'case_notice',
      recordId: r.id,
    }));
    return toPage(
      rows,
      query,
      (r) => ({ sort: r.created_at, id: r.id }),
      (r) => ({
        ...presentNotice(r),
        patientName: r.patient_name,
        hospitalName: r.hospital_name ?? '—',
        role: r.role ?? null,
        toLabel: r.to_label ?? null,
      }),
    );
  });
}

/**
 * Acknowledges a notice from the notice itself: an admission notice is simply acknowledged; a
 * provider-change notice carries the incumbent's answer (agree, or object with a reason). Throws
 * not_found (not addressed to the caller's organisations), notice.invalid_transition, request.invalid.
 */
export async function acknowledgeNotice(
  deps: Deps,
  ctx: RequestContext,
  noticeId: string,
  body: NoticeAckBody,
) {
  const notice = await runUseCase(deps, ctx, async ({ trx, actor }) => {
    const row = await findNotice(trx, actor.municipalityCode, noticeId);
    if (!row || !actor.memberships.some((m) => m.organisationId === row.recipient_organisation_id)) {
      throw new AppError('not_found');
    }
    return row;
  });
  if (notice.kind === 'provider_change' && notice.provider_change_id) {
    if (!body.answer) throw new AppError('request.invalid', { field: 'answer' });
    await respondToChange(deps, ctx, notice.provider_change_id, { answer: body.answer, reason: body.reason });
    return { ok: true };
  }
  await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const row = await findNotice(trx, actor.municipalityCode, noticeId, true);
    if (!row) throw new AppError('not_found');
    await assertPatientAccess(trx, ctx, row.patient_id, 'write', {
      recordType: 'case_notice',
      recordId: row.id,
    });
    await markNoticeAcknowledged(trx, row, actor.userId, now);
    await audit({
      action: 'discharge.notice.acknowledge',
      recordType: 'case_notice',
      recordId: row.id,
      patientId: row.patient_id,
    });
  });
  return { ok: true };
}
