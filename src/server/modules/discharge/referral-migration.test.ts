import { describe, expect, it } from 'vitest';
import { accessBases } from '../../../contracts/patients';
import { referralRoles } from '../../../contracts/referrals';
import { ACCESS_BASES, REFERRAL_ROLES } from '../../db/migrations/20261202061000_referrals';

describe('the referrals migration', () => {
  it('checks the same referral roles as the contracts', () => {
    expect(REFERRAL_ROLES).toEqual([...referralRoles]);
  });

  it('widens the access log to the access bases of the contracts known then', () => {
    // fax_link came later (20261202078400_access_log_fax_link.ts; its test compares them all).
    expect(ACCESS_BASES).toEqual(accessBases.filter((a) => a !== 'fax_link'));
  });
});
