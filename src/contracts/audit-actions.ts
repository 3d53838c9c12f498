/**
 * Every action the system writes to the audit log, as one union the compiler reads: `writeAudit`
 * takes an `AuditAction`, so a mistyped action fails the typecheck instead of leaving a row nobody
 * searches for. A new module adds its list here and one line to `auditActions` (as error-codes.ts
 * does for error codes). The log itself keeps a plain `text` column: rows written before an action
 * was renamed stay readable.
 */

/** The platform's own: backups and restores, run from the CLI. */
export const platformAuditActions = [
  'backup.create',
  'backup.restore',
  'access_log.seal',
  'inbox.acknowledge',
] as const;

/** Sign-in and credentials: each login step, a refusal, a lockout. */
export const authAuditActions = [
  'auth.login',
  'auth.logout',
  'auth.totp',
  'auth.recovery_code',
  'auth.totp_enrolment_start',
  'auth.totp_enrol',
  'auth.recovery_codes_regenerate',
  'auth.totp_secrets_seal',
  'auth.totp_secrets_reseal',
  'auth.lockout',
  'auth.denied',
  'auth.password_reset_request',
  'auth.password_reset',
  'account.password_change',
  'account.session_end',
  'account.sessions_end_others',
] as const;

/**
 * The ward admin's work on people and records (accounts module). `user.${change}` in
 * user-admin.service.ts type-checks because each of its changes is listed here.
 */
export const accountsAuditActions = [
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'membership.create',
  'membership.delete',
  'organisation.create',
  'organisation.update',
  'organisation.delete',
  'user.create_admin',
  'user.disable',
  'user.enable',
  'user.reset_two_factor',
  'user.reset_two_factor_request',
  'outbox.read',
  'outbox.retry',
  'audit.read',
  'audit.export',
] as const;

/** The directory's facilities: edits, confirmations, reminders and the change-request review. */
export const directoryAuditActions = [
  'facility.create',
  'facility.update',
  'facility.capacity.set',
  'facility.confirm',
  'facility.reminder.send',
  'facility.change_request.submit',
  'facility.change_request.approve',
  'facility.change_request.reject',
  'facility.change_request.withdraw',
] as const;

/** The open-data module: a committed import of a facility list. */
export const openDataAuditActions = ['opendata.import'] as const;

/** Patients, their circles of care and who read what (patients module). */
export const patientsAuditActions = [
  'patient.create',
  'patient.update',
  'patient.merge',
  'patient.break_glass',
  'care_circle.add',
  'care_circle.end',
  'access_log.read',
  'access_log.export',
] as const;

/**
 * Discharge cases and provider changes: one action per workflow event (`discharge.case.${event}`,
 * `discharge.change.${event}` type-check because each event is listed here).
 */
export const dischargeAuditActions = [
  'discharge.case.open',
  'discharge.case.plan',
  'discharge.case.schedule',
  'discharge.case.discharge',
  'discharge.case.follow_up',
  'discharge.case.close',
  'discharge.case.cancel',
  'discharge.case.transfer',
  'discharge.case.decease',
  'discharge.change.propose',
  'discharge.change.request_consent',
  'discharge.change.record_consent',
  'discharge.change.notify_incumbent',
  'discharge.change.acknowledge',
  'discharge.change.object',
  'discharge.change.escalate',
  'discharge.change.confirm',
  'discharge.change.keep_current',
  'discharge.change.share_care',
  'discharge.change.withdraw',
  'discharge.change.override',
  'discharge.change.override_approved',
  'discharge.notice.acknowledge',
  'discharge.notice.fax_sheet',
  'discharge.notice.acknowledge_by_link',
  'discharge.figures.export',
] as const;

const documentsAuditActions = [
  'documents.create',
  'documents.save',
  'documents.finalise',
  'documents.amend',
  'documents.withdraw',
] as const;

/** Referrals (issue 14 item 6): one action per workflow event (`discharge.referral.${event}`). */
export const referralAuditActions = [
  'discharge.referral.create',
  'discharge.referral.send',
  'discharge.referral.receive',
  'discharge.referral.accept',
  'discharge.referral.decline',
  'discharge.referral.name',
  'discharge.referral.complete',
  'discharge.referral.cancel',
  'discharge.referral.fail',
] as const;

/** The address registry (addresses module): a committed import of the ward's registry files. */
export const addressesAuditActions = ['address.import'] as const;

/** The council's data list (council module): its CSV leaving the system. */
export const councilAuditActions = ['council.data_list.export'] as const;
/**
 * The consultation desk (consultations module): one action per workflow event
 * (`consultation.${event}` type-checks because each event is listed here).
 */
export const consultationsAuditActions = [
  'consultation.open',
  'consultation.contact.add',
  'consultation.flags.set',
  'consultation.follow_up',
  'consultation.close',
  'consultation.reopen',
] as const;

export const auditActions = [
  ...platformAuditActions,
  ...authAuditActions,
  ...accountsAuditActions,
  ...directoryAuditActions,
  ...openDataAuditActions,
  ...patientsAuditActions,
  ...dischargeAuditActions,
  ...documentsAuditActions,
  ...referralAuditActions,
  ...addressesAuditActions,
  ...councilAuditActions,
  ...consultationsAuditActions,
] as const;

export type AuditAction = (typeof auditActions)[number];

const known = new Set<string>(auditActions);

/** Whether a stored action (a plain string from the log) is one the system writes today. */
export function isAuditAction(action: string): action is AuditAction {
  return known.has(action);
}
