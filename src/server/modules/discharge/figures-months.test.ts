import { describe, expect, it } from 'vitest';
import { monthsOf } from './figures.service';

describe('the months of a figures query', () => {
  it('takes 令和N年度 as April of 2018+N to the next March', () => {
    const { months, fiscalYear } = monthsOf({ fiscalYear: 8 }, new Date());
    expect(fiscalYear).toBe(8);
    expect(months[0]).toBe('2026-04');
    expect(months.at(-1)).toBe('2027-03');
    expect(months).toHaveLength(12);
  });

  it('defaults to the fiscal year of Tokyo’s today: 31 March 23:30 JST is still the old year', () => {
    expect(monthsOf({}, new Date('2027-03-31T14:30:00Z')).fiscalYear).toBe(8);
    expect(monthsOf({}, new Date('2027-03-31T15:30:00Z')).fiscalYear).toBe(9);
  });

  it('names an April–March month range as its fiscal year, and other ranges not', () => {
    expect(monthsOf({ from: '2025-04', to: '2026-03' }, new Date()).fiscalYear).toBe(7);
    expect(monthsOf({ from: '2025-12', to: '2026-02' }, new Date())).toEqual({
      months: ['2025-12', '2026-01', '2026-02'],
      fiscalYear: null,
    });
  });
});
