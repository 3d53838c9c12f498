import { describe, expect, it } from 'vitest';
import { capabilityFacilityTypes, capabilityFitsType, FacilityType, standardCapabilities } from './directory';

describe('which capabilities fit which facility type', () => {
  it('has a row for every standard capability and names only real types', () => {
    expect(Object.keys(capabilityFacilityTypes).sort()).toEqual(
      standardCapabilities.map((c) => c.code).sort(),
    );
    for (const types of Object.values(capabilityFacilityTypes)) {
      if (types !== 'any') for (const type of types) expect(FacilityType.options).toContain(type);
    }
  });

  it('does not offer 訪問歯科 to a visiting-nurse station, but does to a dental clinic', () => {
    expect(capabilityFitsType('dental_home_visit', 'visiting_nurse_station')).toBe(false);
    expect(capabilityFitsType('dental_home_visit', 'dental_clinic')).toBe(true);
    expect(capabilityFitsType('psychiatric_nursing', 'pharmacy')).toBe(false);
  });

  it('offers 多言語対応 and a municipality’s own codes to every type', () => {
    for (const type of FacilityType.options) {
      expect(capabilityFitsType('multilingual', type)).toBe(true);
      expect(capabilityFitsType('meguro_local_code', type)).toBe(true);
    }
  });

  it('leaves every type something to offer', () => {
    for (const type of FacilityType.options) {
      const fitting = standardCapabilities.filter((c) => capabilityFitsType(c.code, type));
      expect(fitting.length, type).toBeGreaterThan(1);
    }
  });
});
