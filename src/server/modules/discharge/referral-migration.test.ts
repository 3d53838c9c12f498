import { describe, expect, it } from 'vitest';
import { accessBases } from '../../../contracts/patients';
import { referralRoles } from '../../../contracts/referrals';
import { ACCESS_BASES, REFERRAL_ROLES } from '../../db/migrations/20261202061000_referrals';

describe('the referrals migration', () => {
  it('checks the same referral roles as the contracts', () => {
    expect(REFERRAL_ROLES).toEqual([...referralRoles]);
  });

  it('widens the access log to every access basis of the contracts', () => {
    expect(ACCESS_BASES).toEqual([...accessBases]);
  });
});
