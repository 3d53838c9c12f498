import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  accessActions,
  accessBases,
  careLevels,
  careRoles,
  patientStatuses,
  sexes,
} from '../../../contracts/patients';
import {
  CARE_LEVELS,
  CARE_ROLES,
  PATIENT_STATUSES,
  SEXES,
} from '../../db/migrations/20261202050000_patients';

describe('the patients migration', () => {
  it('checks the same care roles, care levels, sexes and statuses as the contracts', () => {
    expect(CARE_ROLES).toEqual([...careRoles]);
    expect(CARE_LEVELS).toEqual([...careLevels]);
    expect(SEXES).toEqual([...sexes]);
    expect(PATIENT_STATUSES).toEqual([...patientStatuses]);
  });

  it('checks the same access actions and bases in the access log as the contracts', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../db/migrations/20261202050100_access_log.ts', import.meta.url)),
      'utf8',
    );
    expect(text).toContain(`action in (${accessActions.map((a) => `'${a}'`).join(', ')})`);
    // The referral and FAX-link bases came later (20261202061000_referrals.ts and
    // 20261202078400_access_log_fax_link.ts widen the check; their tests compare).
    const first = accessBases.filter((a) => a !== 'referral' && a !== 'fax_link');
    expect(text).toContain(`basis in (${first.map((a) => `'${a}'`).join(', ')})`);
  });
});
