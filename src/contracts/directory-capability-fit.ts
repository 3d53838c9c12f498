import { FacilityType, type StandardCapabilityCode } from './directory-core';

/**
 * Which facility types each standard capability fits: the one table behind the editor's choices
 * and the server's check (issue 13 §4: a visiting-nurse station was offered 訪問歯科). `'any'` fits
 * every type. A code a municipality adds to its own taxonomy is not in this table and fits any
 * type: the ward that adds it knows what it means. Import from `./directory`.
 */
export const capabilityFacilityTypes: Record<StandardCapabilityCode, readonly FacilityType[] | 'any'> = {
  home_visit: ['hospital', 'clinic'],
  house_call: ['hospital', 'clinic'],
  round_the_clock: ['hospital', 'clinic', 'pharmacy', 'visiting_nurse_station'],
  end_of_life: ['hospital', 'clinic', 'visiting_nurse_station'],
  palliative: ['hospital', 'clinic', 'visiting_nurse_station', 'pharmacy'],
  opioid_pump: ['hospital', 'pharmacy', 'clinic', 'visiting_nurse_station'],
  sterile_compounding: ['pharmacy'],
  home_oxygen: ['hospital', 'clinic', 'visiting_nurse_station'],
  ventilator: ['hospital', 'clinic', 'visiting_nurse_station'],
  parenteral_nutrition: ['hospital', 'clinic', 'pharmacy', 'visiting_nurse_station'],
  tube_feeding: ['hospital', 'clinic', 'visiting_nurse_station'],
  pressure_ulcer: ['hospital', 'clinic', 'visiting_nurse_station'],
  pediatric: ['hospital', 'clinic', 'visiting_nurse_station'],
  dementia: [
    'hospital',
    'clinic',
    'visiting_nurse_station',
    'care_management_office',
    'community_support_center',
    'other_care_service',
  ],
  psychiatric_nursing: ['visiting_nurse_station'],
  dental_home_visit: ['dental_clinic'],
  oral_swallowing: ['dental_clinic', 'visiting_nurse_station'],
  home_medication: ['pharmacy'],
  home_nutrition: ['hospital', 'clinic'],
  home_rehab: ['hospital', 'clinic', 'visiting_nurse_station'],
  supplies_small_units: ['pharmacy'],
  multilingual: 'any',
};

/** Whether a capability code may be offered for a facility of this type. */
export function capabilityFitsType(code: string, type: FacilityType): boolean {
  const types = (capabilityFacilityTypes as Record<string, readonly FacilityType[] | 'any' | undefined>)[
    code
  ];
  return types === undefined || types === 'any' || types.includes(type);
}

/**
 * The types a capability is shown for (the public taxonomy list): this table's for a standard
 * code, every type for `'any'`, and the municipality's own list for a code it added itself.
 */
export function facilityTypesOfCapability(code: string, own: readonly FacilityType[]): FacilityType[] {
  const types = (capabilityFacilityTypes as Record<string, readonly FacilityType[] | 'any' | undefined>)[
    code
  ];
  if (types === undefined) return [...own];
  return types === 'any' ? [...FacilityType.options] : [...types];
}
