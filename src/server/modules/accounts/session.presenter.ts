import type { SessionResponse } from '../../../contracts/accounts';
import type { Config } from '../../platform/config';
import type { Actor } from '../../platform/context';
import type { SessionRecord } from './session.queries';
import { sessionDeadlines } from './session.service';
import { toTokyoIso } from './tokyo-time';
import { isTwoFactorSatisfied, twoFactorStatusOf } from './two-factor.policy';

export const anonymousSession: SessionResponse = {
  authenticated: false,
  user: null,
  twoFactor: null,
  passwordChangeRequired: false,
  csrfToken: null,
  idleExpiresAt: null,
  absoluteExpiresAt: null,
};

function rolesOf(record: SessionRecord) {
  return [...new Set(record.memberships.map((m) => m.role))];
}

export function twoFactorStatusOfRecord(record: SessionRecord) {
  return twoFactorStatusOf({
    enrolled: record.totpEnrolled,
    roles: rolesOf(record),
    sessionVerified: record.twoFactorVerified,
  });
}

/** The Actor every service sees, from a live session. */
export function toActor(record: SessionRecord): Actor {
  return {
    userId: record.userId,
    email: record.email,
    displayName: record.displayName,
    municipalityCode: record.municipalityCode,
    roles: rolesOf(record),
    memberships: record.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    twoFactorVerified: isTwoFactorSatisfied(twoFactorStatusOfRecord(record)),
  };
}

/** GET /api/session and the answer of every login step. */
export function toSessionResponse(
  record: SessionRecord,
  config: Config,
  recoveryCodesLeft: number,
): SessionResponse {
  const { idle, absolute } = sessionDeadlines(record, config);
  return {
    authenticated: true,
    user: {
      id: record.userId,
      email: record.email,
      displayName: record.displayName,
      municipalityCode: record.municipalityCode,
      municipalityName: record.municipalityName,
      roles: rolesOf(record),
      memberships: record.memberships,
    },
    twoFactor: { status: twoFactorStatusOfRecord(record), enrolled: record.totpEnrolled, recoveryCodesLeft },
    passwordChangeRequired: record.passwordChangeRequired,
    csrfToken: record.csrfToken,
    idleExpiresAt: toTokyoIso(idle),
    absoluteExpiresAt: toTokyoIso(absolute),
  };
}
