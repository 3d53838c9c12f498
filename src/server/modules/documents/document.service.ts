import type { Transaction } from 'kysely';
import {
  contentSchemas,
  type DocumentCreateBody,
  type DocumentDetail,
  type DocumentKind,
  type DocumentSaveBody,
  type DocumentStepBody,
} from '../../../contracts/documents';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase, type UseCase } from '../../platform/use-case';
import { findCasePatient, findChangeGate } from '../discharge';
import { assertPatientAccess } from '../patients';
import { authoringOrganisation, documentPartyOf } from './document.policy';
import {
  type DocumentRow,
  findDocument,
  findVersion,
  insertDocument,
  insertVersion,
  updateDocument,
} from './document.queries';
import { getDocument } from './document-read.service';
import { type DocumentEvent, documentWorkflow } from './document-status';

type Deps = Pick<ModuleDeps, 'db'>;

const defaultTitles: Record<DocumentKind, string> = {
  nursing_summary: '看護サマリー',
  referral_letter: '紹介状',
  discharge_summary: '退院時サマリー',
};

/** The kind's content, parsed by its schema (defaults filled in). Throws documents.content_invalid. */
function parseContent(kind: DocumentKind, content: unknown): Record<string, unknown> {
  const parsed = contentSchemas[kind].safeParse(content);
  if (!parsed.success) {
    throw new AppError(
      'documents.content_invalid',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data as Record<string, unknown>;
}

/**
 * A 紹介状 linked to a provider change may not be issued before the change's consent (issue 14
 * item 5 (a)): the discharge module answers for its gate. Throws continuity.consent_missing.
 */
async function assertReferralAllowed(trx: Transaction<Database>, row: DocumentRow) {
  if (row.kind !== 'referral_letter' || !row.provider_change_id) return;
  const gate = await findChangeGate(trx, row.municipality_code, row.provider_change_id);
  if (!gate?.referralAllowed) throw new AppError('continuity.consent_missing');
}

async function saveVersion(
  uc: UseCase,
  row: Pick<DocumentRow, 'id'>,
  version: number,
  status: 'draft' | 'final',
  title: string,
  content: Record<string, unknown>,
) {
  await insertVersion(uc.trx, {
    document_id: row.id,
    version,
    status,
    title,
    content: JSON.stringify(content),
    saved_by: uc.actor.userId,
    saved_by_label: uc.actor.displayName,
    saved_at: uc.now,
  });
}

/**
 * Starts a document of a patient as a draft (version 1) of the caller's organisation. Throws
 * auth.forbidden, patients.not_found, documents.content_invalid, documents.link_invalid.
 */
export async function createDocument(
  deps: Deps,
  ctx: RequestContext,
  body: DocumentCreateBody,
): Promise<DocumentDetail> {
  const id = await runUseCase(deps, ctx, async (uc) => {
    const organisationId = authoringOrganisation(uc.actor);
    if (!organisationId) throw new AppError('auth.forbidden');
    const patient = await assertPatientAccess(uc.trx, ctx, body.patientId, 'write', {
      recordType: 'document',
    });
    const code = uc.actor.municipalityCode;
    if (body.caseId && (await findCasePatient(uc.trx, code, body.caseId)) !== patient.id)
      throw new AppError('documents.link_invalid');
    if (
      body.providerChangeId &&
      (await findChangeGate(uc.trx, code, body.providerChangeId))?.patientId !== patient.id
    )
      throw new AppError('documents.link_invalid');
    const content = parseContent(body.kind, body.content);
    const title = body.title || defaultTitles[body.kind];
    const row = await insertDocument(uc.trx, {
      municipality_code: code,
      patient_id: patient.id,
      case_id: body.caseId ?? null,
      provider_change_id: body.providerChangeId ?? null,
      kind: body.kind,
      title,
      author_organisation_id: organisationId,
      created_by: uc.actor.userId,
      created_at: uc.now,
      updated_at: uc.now,
    });
    await saveVersion(uc, row, 1, 'draft', title, content);
    await uc.audit({
      action: 'documents.create',
      recordType: 'document',
      recordId: row.id,
      patientId: patient.id,
      details: { kind: row.kind },
    });
    return row.id;
  });
  return getDocument(deps, ctx, id);
}

/** Locks the document, checks the patient (write) and the version the caller saw. */
async function lockForWrite(uc: UseCase, ctx: RequestContext, id: string, version: number) {
  const row = await findDocument(uc.trx, uc.actor.municipalityCode, id, true);
  if (!row) throw new AppError('not_found');
  await assertPatientAccess(uc.trx, ctx, row.patient_id, 'write', {
    recordType: 'document',
    recordId: row.id,
  });
  const party = documentPartyOf(uc.actor, row);
  // a reader never learns of drafts: the same 404 as a document that does not exist
  if (party === 'reader' && row.status !== 'final') throw new AppError('not_found');
  if (row.version !== version) throw new AppError('documents.version_conflict', { current: row.version });
  return { row, party };
}

async function step(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  version: number,
  eventOf: (row: DocumentRow) => DocumentEvent,
  apply: (uc: UseCase, row: DocumentRow, next: DocumentRow['status']) => Promise<Partial<DocumentRow>>,
) {
  await runUseCase(
    deps,
    ctx,
    async (uc) => {
      const { row, party } = await lockForWrite(uc, ctx, id, version);
      const event = eventOf(row);
      const status = documentWorkflow.next(row.status, event, party);
      const changes = await apply(uc, row, status);
      await updateDocument(uc.trx, row.id, { ...changes, status, updated_at: uc.now });
      await uc.audit({
        action: `documents.${event}`,
        recordType: 'document',
        recordId: row.id,
        patientId: row.patient_id,
        details: { from: row.status, to: status, version: changes.version ?? row.version },
      });
    },
    // two saves on the same version that both passed the check: the second insert loses
    { uniqueViolations: { document_versions_pkey: 'documents.version_conflict' } },
  );
  return getDocument(deps, ctx, id);
}

/**
 * Saves the content as a new version: a draft stays a draft; a final document is amended (the new
 * version is final at once, and readers' receipts stay on the version they read). Throws
 * documents.version_conflict, documents.content_invalid, documents.invalid_transition, auth.forbidden.
 */
export function saveDocument(deps: Deps, ctx: RequestContext, id: string, body: DocumentSaveBody) {
  return step(
    deps,
    ctx,
    id,
    body.version,
    (row) => (row.status === 'final' ? 'amend' : 'save'),
    async (uc, row, status) => {
      if (status === 'final') await assertReferralAllowed(uc.trx, row);
      const content = parseContent(row.kind, body.content);
      const title = body.title || row.title;
      const version = row.version + 1;
      await saveVersion(uc, row, version, status === 'final' ? 'final' : 'draft', title, content);
      return { version, title };
    },
  );
}

/**
 * Finalises the latest draft: it becomes a final version shared with the circle. A 紹介状 of a
 * provider change waits for the consent. Throws continuity.consent_missing, documents.version_conflict,
 * documents.invalid_transition.
 */
export function finaliseDocument(deps: Deps, ctx: RequestContext, id: string, body: DocumentStepBody) {
  return step(
    deps,
    ctx,
    id,
    body.version,
    () => 'finalise',
    async (uc, row) => {
      await assertReferralAllowed(uc.trx, row);
      const draft = await findVersion(uc.trx, row.id, row.version);
      if (!draft) throw new AppError('not_found');
      const version = row.version + 1;
      await saveVersion(uc, row, version, 'final', draft.title, parseContent(row.kind, draft.content));
      return { version, finalised_at: row.finalised_at ?? uc.now };
    },
  );
}

/** Withdraws a document written in error; every version is kept. Throws documents.version_conflict. */
export function withdrawDocument(deps: Deps, ctx: RequestContext, id: string, body: DocumentStepBody) {
  return step(
    deps,
    ctx,
    id,
    body.version,
    () => 'withdraw',
    async () => {
      if (!body.reason) throw new AppError('request.invalid', { field: 'reason' });
      return { withdrawn_reason: body.reason };
    },
  );
}
