import { describe, expect, it } from 'vitest';
import type { FacilityDetail } from '../../../../contracts/directory';
import { changedFields, draftFromFacility, splitList } from './facility-draft';

const facility: FacilityDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  municipalityCode: '131105',
  type: 'clinic',
  status: 'active',
  name: '目黒テスト内科',
  kana: 'めぐろてすとないか',
  nameEn: null,
  address: '東京都目黒区中町一丁目1-1',
  addressBlock: { prefecture: '東京都', city: '目黒区', town: '中町一丁目', block: '1-1', building: null },
  postalCode: '153-0065',
  town: '中町',
  district: 'south',
  districtName: '南部',
  location: { lat: 35.63, lng: 139.7 },
  phone: '03-0000-0000',
  fax: null,
  email: null,
  url: null,
  medicalInstitutionCode: null,
  careOfficeNumber: null,
  beds: null,
  departments: ['内科', '小児科'],
  languages: [],
  accessibility: [],
  collaborationTools: ['mcs'],
  mainStation: null,
  satellites: [],
  hours: {
    weekly: [{ day: 1, open: '09:00', close: '12:00' }],
    closures: [],
    closedOnHolidays: true,
    closedYearEnd: true,
    note: null,
  },
  capabilities: [
    {
      code: 'home_visit',
      name: '訪問診療',
      nameEn: 'Home visits',
      confirmedAt: '2026-01-01T00:00:00Z',
      confirmedBy: 'facility',
      confirmedFile: null,
      stale: false,
    },
  ],
  capacity: null,
  lastConfirmedAt: null,
  lastConfirmedBy: null,
  lastConfirmedFile: null,
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
  isDemo: true,
};

describe('facility edit draft', () => {
  it('sends nothing when nothing was edited', () => {
    const draft = draftFromFacility(facility);
    expect(changedFields(draft, draftFromFacility(facility))).toEqual({});
  });

  it('sends only the fields that changed, in the API shape', () => {
    const original = draftFromFacility(facility);
    const edited = {
      ...original,
      fax: ' 03-1111-2222 ',
      departments: '内科\n小児科\n皮膚科',
      capabilities: ['house_call', 'home_visit'],
    };
    expect(changedFields(original, edited)).toEqual({
      fax: '03-1111-2222',
      departments: ['内科', '小児科', '皮膚科'],
      capabilities: ['home_visit', 'house_call'],
    });
  });

  it('turns a cleared text box into null rather than an empty string', () => {
    const original = draftFromFacility(facility);
    expect(changedFields(original, { ...original, phone: '  ' })).toEqual({ phone: null });
  });

  it('splits lists on new lines and Japanese commas and drops repeats', () => {
    expect(splitList('内科、外科\n内科，\n 眼科 ')).toEqual(['内科', '外科', '眼科']);
  });

  it('reads full-width digits in the number of beds', () => {
    const original = draftFromFacility(facility);
    expect(changedFields(original, { ...original, beds: '１９' })).toEqual({ beds: 19 });
  });
});
