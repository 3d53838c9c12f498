import { describe, expect, it } from 'vitest';
import type { FacilityPatch } from '../../../contracts/directory';
import { diffChanges, stripChome } from './facility-patch';

const current: FacilityPatch = {
  name: 'めぐろ青葉内科クリニック',
  kana: null,
  nameEn: null,
  status: 'active',
  addressBlock: { prefecture: '東京都', city: '目黒区', town: '青葉台二丁目', block: '1-1', building: null },
  postalCode: '1530042',
  location: null,
  phone: '03-0000-0000',
  fax: null,
  email: null,
  url: null,
  medicalInstitutionCode: null,
  careOfficeNumber: null,
  beds: null,
  departments: ['内科'],
  languages: [],
  accessibility: [],
  collaborationTools: [],
  mainStationId: null,
  hours: {
    weekly: [{ day: 1, open: '09:00', close: '18:00' }],
    closures: [],
    closedOnHolidays: true,
    closedYearEnd: false,
    note: null,
  },
  capabilities: ['home_visit', 'house_call'],
};

describe('diffChanges', () => {
  it('lists only the fields whose value really changes, with Japanese labels', () => {
    const diff = diffChanges(current, { phone: '03-1111-2222', name: current.name, departments: ['内科'] });
    expect(diff).toEqual([
      { field: 'phone', label: '電話番号', before: '03-0000-0000', after: '03-1111-2222' },
    ]);
  });

  it('ignores the order of capability codes and the hyphen of a postal code', () => {
    expect(
      diffChanges(current, { capabilities: ['house_call', 'home_visit'], postalCode: '153-0042' }),
    ).toEqual([]);
  });

  it('treats an equal timetable written differently as unchanged', () => {
    const hours = { ...current.hours, weekly: [{ day: 1, open: '09:00', close: '18:00' }], note: '  ' };
    expect(diffChanges(current, { hours })).toEqual([]);
  });

  it('shows added capabilities and a changed timetable', () => {
    const diff = diffChanges(current, {
      capabilities: ['home_visit', 'house_call', 'end_of_life'],
      hours: { ...current.hours, closures: [{ weekday: 6, nth: [4, 2] }] },
    });
    expect(diff.map((d) => d.field)).toEqual(['hours', 'capabilities']);
    expect(diff[1]?.after).toEqual(['end_of_life', 'home_visit', 'house_call']);
  });
});

describe('stripChome', () => {
  it('finds the 町丁 of a 町字 with 丁目 in kanji or digits', () => {
    expect(stripChome('上目黒二丁目')).toBe('上目黒');
    expect(stripChome('上目黒２丁目')).toBe('上目黒');
    expect(stripChome('自由が丘')).toBe('自由が丘');
    expect(stripChome('目黒本町 3-1')).toBe('目黒本町');
  });
});
