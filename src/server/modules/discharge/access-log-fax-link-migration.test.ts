import { describe, expect, it } from 'vitest';
import { accessBases } from '../../../contracts/patients';
import { ACCESS_BASES } from '../../db/migrations/20261202078400_access_log_fax_link';

describe('the FAX-link access basis migration', () => {
  it('widens the access log to every access basis of the contracts', () => {
    expect(ACCESS_BASES).toEqual([...accessBases]);
  });
});
