import type { FacilityType, StandardCapabilityCode } from '../../../contracts/directory';
import type { Random } from './random';

type Odds = Partial<Record<StandardCapabilityCode, number>>;

/** Chance of each capability by type (a home-care clinic gets the home-visit bundle). */
const odds: Record<FacilityType, Odds> = {
  hospital: {
    home_visit: 0.3,
    house_call: 0.2,
    round_the_clock: 0.5,
    end_of_life: 0.3,
    palliative: 0.5,
    home_oxygen: 0.5,
    ventilator: 0.4,
    parenteral_nutrition: 0.5,
    tube_feeding: 0.5,
    pressure_ulcer: 0.4,
    pediatric: 0.2,
    dementia: 0.4,
    home_rehab: 0.3,
    home_nutrition: 0.2,
    multilingual: 0.3,
  },
  clinic: { house_call: 0.15, dementia: 0.08, multilingual: 0.08 },
  dental_clinic: { dental_home_visit: 0.35, oral_swallowing: 0.2, multilingual: 0.05 },
  pharmacy: {
    home_medication: 0.5,
    sterile_compounding: 0.04,
    opioid_pump: 0.1,
    supplies_small_units: 0.15,
    round_the_clock: 0.12,
    parenteral_nutrition: 0.05,
    multilingual: 0.08,
  },
  visiting_nurse_station: {
    round_the_clock: 0.85,
    end_of_life: 0.7,
    palliative: 0.6,
    ventilator: 0.4,
    tube_feeding: 0.7,
    pressure_ulcer: 0.8,
    pediatric: 0.25,
    psychiatric_nursing: 0.35,
    dementia: 0.6,
    home_rehab: 0.5,
    home_oxygen: 0.6,
    parenteral_nutrition: 0.5,
    opioid_pump: 0.35,
    oral_swallowing: 0.2,
  },
  care_management_office: { dementia: 0.5, multilingual: 0.05 },
  community_support_center: { dementia: 1, multilingual: 0.2 },
  other_care_service: { dementia: 0.4 },
};

/** 在宅療養支援診療所-like clinics: about one in five, with most home-care capabilities. */
const homeCareClinic: Odds = {
  home_visit: 1,
  house_call: 0.9,
  round_the_clock: 0.6,
  end_of_life: 0.6,
  palliative: 0.5,
  opioid_pump: 0.3,
  home_oxygen: 0.6,
  ventilator: 0.2,
  parenteral_nutrition: 0.4,
  tube_feeding: 0.5,
  pressure_ulcer: 0.6,
  pediatric: 0.1,
  dementia: 0.5,
  home_nutrition: 0.1,
  home_rehab: 0.2,
};

export function demoCapabilities(
  type: FacilityType,
  r: Random,
  homeCareFocus: boolean,
): StandardCapabilityCode[] {
  const table = type === 'clinic' && homeCareFocus ? { ...odds.clinic, ...homeCareClinic } : odds[type];
  return (Object.entries(table) as Array<[StandardCapabilityCode, number]>)
    .filter(([, p]) => r.chance(p))
    .map(([code]) => code);
}

/** Capabilities that make a capacity signal meaningful (the facility visits homes). */
export const visitingCapabilities: readonly StandardCapabilityCode[] = [
  'home_visit',
  'dental_home_visit',
  'home_medication',
  'psychiatric_nursing',
];
