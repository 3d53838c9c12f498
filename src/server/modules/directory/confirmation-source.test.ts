import { describe, expect, it } from 'vitest';
import { confirmationSources } from '../../../contracts/directory';
import { CONFIRMATION_SOURCES } from '../../db/migrations/20261202040000_confirmation_sources';
import { isStaleConfirmation } from './facility-detail.presenter';
import { confirmationSourceOf } from './facility-write.service';

describe('confirmation sources', () => {
  it('checks in the database exactly the sources the contract names', () => {
    expect(CONFIRMATION_SOURCES).toEqual([...confirmationSources]);
  });

  it('counts an editor change or confirmation as the facility, staff edits as the ward', () => {
    expect(confirmationSourceOf('editor')).toBe('facility');
    expect(confirmationSourceOf('confirm')).toBe('facility');
    expect(confirmationSourceOf('admin')).toBe('ward');
    expect(confirmationSourceOf('create')).toBe('ward');
    expect(confirmationSourceOf('import')).toBe('open_data');
  });

  it("treats a file's date as stale however recent, and old confirmations as stale", () => {
    const cutoff = new Date('2026-01-01T00:00:00Z');
    expect(isStaleConfirmation('2026-06-01T00:00:00Z', 'facility', cutoff)).toBe(false);
    expect(isStaleConfirmation('2026-06-01T00:00:00Z', 'ward', cutoff)).toBe(false);
    expect(isStaleConfirmation('2026-06-01T00:00:00Z', 'open_data', cutoff)).toBe(true);
    expect(isStaleConfirmation('2025-06-01T00:00:00Z', 'facility', cutoff)).toBe(true);
  });
});
