import type { TwoFactorStatus } from '../../../contracts/accounts';
import { type Role, rolesRequiringTwoFactor } from '../../../contracts/roles';

/**
 * Where a session stands with two-factor. Anyone who enrolled must use it; a role that can see
 * personal data (MHLW guideline 6.0) must enrol before reaching anything but enrolment.
 */
export function twoFactorStatusOf(input: {
  enrolled: boolean;
  roles: readonly Role[];
  sessionVerified: boolean;
}): TwoFactorStatus {
  if (input.sessionVerified) return 'verified';
  if (input.enrolled) return 'verification_required';
  if (input.roles.some((role) => rolesRequiringTwoFactor.includes(role))) return 'enrolment_required';
  return 'not_required';
}

/** True when the session may reach ordinary routes. */
export function isTwoFactorSatisfied(status: TwoFactorStatus): boolean {
  return status === 'verified' || status === 'not_required';
}
