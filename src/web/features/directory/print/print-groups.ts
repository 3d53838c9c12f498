import type { FacilitySearchItem, FacilityType } from '../../../../contracts/directory';
import { FACILITY_TYPES } from '../search/search-params';

/**
 * The columns the paper map prints per type: what a reader of that list looks for first
 * (a doctor who visits and answers at night; a pharmacy that compounds sterile drugs …).
 */
export const KEY_CAPABILITIES: Record<FacilityType, readonly string[]> = {
  hospital: ['home_visit', 'house_call', 'round_the_clock', 'end_of_life'],
  clinic: ['home_visit', 'house_call', 'round_the_clock', 'end_of_life', 'palliative'],
  dental_clinic: ['dental_home_visit', 'oral_swallowing'],
  pharmacy: ['home_medication', 'sterile_compounding', 'opioid_pump', 'round_the_clock'],
  visiting_nurse_station: [
    'round_the_clock',
    'end_of_life',
    'pediatric',
    'psychiatric_nursing',
    'home_rehab',
  ],
  care_management_office: [],
  community_support_center: [],
  other_care_service: [],
};

export type PrintRow = FacilitySearchItem & { no: number };
export type PrintGroup = {
  type: FacilityType;
  rows: PrintRow[];
  points: Array<{ no: number; type: string; lat: number; lng: number }>;
};

/** Groups the list by type in the paper map's order and numbers it 1…N across the groups. */
export function groupForPrint(items: FacilitySearchItem[]): PrintGroup[] {
  let no = 0;
  const groups: PrintGroup[] = [];
  for (const type of FACILITY_TYPES) {
    const rows = items.filter((item) => item.type === type).map((item) => ({ ...item, no: ++no }));
    if (rows.length === 0) continue;
    const points = rows.flatMap((row) => (row.location ? [{ no: row.no, type, ...row.location }] : []));
    groups.push({ type, rows, points });
  }
  return groups;
}
