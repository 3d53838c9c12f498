import type {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationPreview,
  InvitationStatus,
} from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { enqueueMail, SECRET_LINK_PLACEHOLDER } from '../../platform/mail/outbox.service';
import type { ModuleDeps } from '../../platform/module';
import { findMunicipalityName } from '../../platform/municipality.queries';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { invitationMail } from './account-mail';
import { toInvitation } from './admin.presenter';
import { assertStrongPassword } from './credential.service';
import {
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  invitationStatus,
  listInvitations,
  updateInvitation,
} from './invitation.queries';
import { findOrganisation } from './organisation.queries';
import { hashPassword } from './password';
import { type IssuedSession, startSession } from './session.service';
import { createToken, hashToken } from './tokens';
import { toTokyoIso } from './tokyo-time';
import { findUserByEmail, insertUser } from './user.queries';
import { insertMembership } from './user-admin.queries';
import { boundedUserAgent } from './user-agent-summary';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invites someone by email into an organisation of the admin's municipality with one role; the
 * link is mailed through the outbox in the same transaction. Throws not_found, user.email_taken.
 */
export async function createInvitation(
  deps: ModuleDeps,
  ctx: RequestContext,
  input: InvitationCreate,
  baseUrl: string,
): Promise<Invitation> {
  const token = createToken();
  const { invitation, now } = await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const organisation = await findOrganisation(trx, actor.municipalityCode, input.organisationId);
    if (!organisation) throw new AppError('not_found', { field: 'organisationId' });
    if (await findUserByEmail(trx, input.email)) throw new AppError('user.email_taken');
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    const mail = invitationMail({
      organisationName: organisation.name,
      municipalityName: (await findMunicipalityName(trx, actor.municipalityCode)) ?? actor.municipalityCode,
      role: input.role,
      inviterName: actor.displayName,
      link: SECRET_LINK_PLACEHOLDER,
      expiresAt,
    });
    const mailId = await enqueueMail(trx, {
      kind: 'invitation',
      secretLink: `${baseUrl}/invite/${token}`,
      to: input.email,
      municipalityCode: actor.municipalityCode,
      ...mail,
    });
    const id = await insertInvitation(trx, {
      municipality_code: actor.municipalityCode,
      token_hash: hashToken(token),
      email: input.email,
      organisation_id: organisation.id,
      role: input.role,
      invited_by: actor.userId,
      invited_by_label: actor.email,
      mail_id: mailId,
      created_at: now,
      expires_at: expiresAt,
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    });
    await audit({
      action: 'invitation.create',
      recordType: 'invitation',
      recordId: id,
      details: { organisationId: organisation.id, role: input.role },
    });
    return { invitation: await findInvitation(trx, actor.municipalityCode, id), now };
  });
  deps.kickMail();
  if (!invitation) throw new AppError('internal');
  return toInvitation(invitation, now);
}

export async function listInvitationsOf(
  deps: Pick<ModuleDeps, 'db'>,
  municipalityCode: string,
  status: InvitationStatus | undefined,
): Promise<Invitation[]> {
  const now = clock.now();
  return (await listInvitations(deps.db, municipalityCode, status, now)).map((row) => toInvitation(row, now));
}

/** Withdraws a pending invitation so its link stops working. Throws not_found, invitation.not_pending. */
export async function revokeInvitation(
  deps: ModuleDeps,
  ctx: RequestContext,
  id: string,
): Promise<Invitation> {
  return runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    const row = await findInvitation(trx, ctx.municipalityCode, id, { lock: true });
    if (!row) throw new AppError('not_found');
    if (invitationStatus(row, now) !== 'pending') throw new AppError('invitation.not_pending');
    await updateInvitation(trx, id, { revoked_at: now });
    await audit({ action: 'invitation.revoke', recordType: 'invitation', recordId: id });
    return toInvitation({ ...row, revoked_at: now }, now);
  });
}

/** What the invitee sees before setting a password. Throws auth.token_invalid. */
export async function previewInvitation(
  deps: Pick<ModuleDeps, 'db'>,
  token: string,
): Promise<InvitationPreview> {
  const row = await findInvitationByTokenHash(deps.db, hashToken(token));
  if (!row || invitationStatus(row, clock.now()) !== 'pending') throw new AppError('auth.token_invalid');
  return {
    email: row.email,
    organisationName: row.organisation_name,
    role: row.role,
    municipalityName: row.municipality_name,
    expiresAt: toTokyoIso(row.expires_at),
  };
}

/**
 * Creates the invitee's account and membership and signs them in (two-factor enrolment comes
 * next). Throws auth.token_invalid, auth.weak_password, user.email_taken.
 */
export async function acceptInvitation(
  deps: ModuleDeps,
  ctx: RequestContext,
  input: InvitationAccept,
  client: { userAgent?: string; deviceHash?: string } = {},
): Promise<IssuedSession> {
  const preview = await findInvitationByTokenHash(deps.db, hashToken(input.token));
  if (!preview || invitationStatus(preview, clock.now()) !== 'pending')
    throw new AppError('auth.token_invalid');
  assertStrongPassword(input.password, [preview.email, input.displayName]);
  const hash = await hashPassword(input.password, deps.config.PASSWORD_SCRYPT_LOG_N);
  return runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      const invitation = await findInvitationByTokenHash(trx, hashToken(input.token), { lock: true });
      if (!invitation || invitationStatus(invitation, now) !== 'pending')
        throw new AppError('auth.token_invalid');
      const userId = await insertUser(trx, {
        municipality_code: invitation.municipality_code,
        email: invitation.email,
        display_name: input.displayName,
        password_hash: hash,
        last_login_at: now,
        created_at: now,
        updated_at: now,
      });
      await insertMembership(trx, {
        municipalityCode: invitation.municipality_code,
        userId,
        organisationId: invitation.organisation_id,
        role: invitation.role,
      });
      await updateInvitation(trx, invitation.id, { accepted_at: now, accepted_user_id: userId });
      // The browser's device cookie goes with the session, so completing enrolment makes it known
      // and the invitee's first sign-in from it is not mailed as a new device.
      const issued = await startSession(trx, {
        userId,
        clientIp: ctx.clientIp,
        userAgent: boundedUserAgent(client.userAgent),
        deviceHash: client.deviceHash,
      });
      await audit({
        action: 'invitation.accept',
        recordType: 'invitation',
        recordId: invitation.id,
        actorUserId: userId,
        actorLabel: invitation.email,
        municipalityCode: invitation.municipality_code.trim(),
        details: { userId, organisationId: invitation.organisation_id, role: invitation.role },
      });
      return issued;
    },
    { requireActor: false, uniqueViolations: { users_email_unique: 'user.email_taken' } },
  );
}
