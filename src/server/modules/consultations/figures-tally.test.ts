import { describe, expect, it } from 'vitest';
import { tokyoMonth } from '../../platform/time/tokyo-calendar';
import { type FigureContact, tallyFigures } from './figures-tally';

const contact = (over: Partial<FigureContact>): FigureContact => ({
  consultation_id: 'a',
  occurred_at: new Date('2026-04-10T01:00:00Z'),
  consulter: 'family',
  institution_in_ward: null,
  referral_source: null,
  organisation_id: 'north',
  gap_flags: [],
  routed_to: null,
  ...over,
});

describe('the consultation figures’ tally', () => {
  it('counts a Tokyo month: 31 March 15:00 UTC is already April in Tokyo', () => {
    expect(tokyoMonth(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04');
    expect(tokyoMonth(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03');
  });

  it('counts a person once in the year and once in each month, and every contact', () => {
    const tally = tallyFigures(
      [
        contact({ consultation_id: 'a', occurred_at: new Date('2026-04-10T01:00:00Z') }),
        contact({ consultation_id: 'a', occurred_at: new Date('2026-04-20T01:00:00Z') }),
        contact({ consultation_id: 'a', occurred_at: new Date('2026-05-01T01:00:00Z') }),
        contact({
          consultation_id: 'b',
          occurred_at: new Date('2026-05-02T01:00:00Z'),
          organisation_id: 'east',
        }),
      ],
      ['2026-04', '2026-05', '2026-06'],
      [
        { id: 'north', name: '北部' },
        { id: 'east', name: '東部' },
      ],
    );
    expect(tally.total).toEqual({ persons: 2, contacts: 4 });
    expect(tally.months).toEqual([
      { month: '2026-04', persons: 1, contacts: 2 },
      { month: '2026-05', persons: 2, contacts: 2 },
      { month: '2026-06', persons: 0, contacts: 0 },
    ]);
    expect(tally.byWindow).toEqual([
      { organisationId: 'north', name: '北部', persons: 1, contacts: 3 },
      { organisationId: 'east', name: '東部', persons: 1, contacts: 1 },
    ]);
  });

  it('counts contacts by who consulted, medical institutions in and outside the ward, sources; persons by flag', () => {
    const tally = tallyFigures(
      [
        contact({ consultation_id: 'a', consulter: 'medical_institution', institution_in_ward: 'no' }),
        contact({ consultation_id: 'a', consulter: 'medical_institution', institution_in_ward: 'yes' }),
        contact({ consultation_id: 'b', consulter: 'medical_institution', referral_source: 'ward_office' }),
        contact({
          consultation_id: 'c',
          gap_flags: ['living_alone', 'mental_health'],
          routed_to: 'mental_health_council',
        }),
        contact({
          consultation_id: 'c',
          gap_flags: ['living_alone', 'mental_health'],
          routed_to: 'mental_health_council',
        }),
      ],
      ['2026-04'],
      [{ id: 'north', name: '北部' }],
    );
    expect(tally.byConsulter).toMatchObject({ medical_institution: 3, family: 2, self: 0 });
    expect(tally.medicalInstitutions).toEqual({ yes: 1, no: 1, unknown: 1 });
    expect(tally.referralSources).toMatchObject({ ward_office: 1, acquaintance: 0 });
    expect(tally.flags).toEqual({
      hardship: 0,
      no_guarantor: 0,
      living_alone: 1,
      disability: 0,
      mental_health: 1,
    });
    expect(tally.routedTo).toEqual({ disability_council: 0, mental_health_council: 1, ward_section: 0 });
  });
});
