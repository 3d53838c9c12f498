import type { CapacityDto, FacilitySearchItem } from '../../../contracts/directory';
import type { SearchItemRow } from './search.queries';

type AddressParts = {
  address_prefecture: string | null;
  address_city: string | null;
  address_town: string | null;
  address_block: string | null;
  address_building: string | null;
};

/** 所在地_連結表記: prefecture, city, 町字 and 番地 run together; the building follows a space. */
export function formatAddress(p: AddressParts): string {
  const main = [p.address_prefecture, p.address_city, p.address_town, p.address_block]
    .filter(Boolean)
    .join('');
  return p.address_building ? `${main} ${p.address_building}`.trim() : main;
}

/** Timestamps arrive as Date (Kysely), or as strings from JSON built in SQL; always answer ISO UTC. */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function presentCapacity(signal: string | null, setAt: Date | string | null): CapacityDto | null {
  if (!signal || !setAt) return null;
  return { signal: signal as CapacityDto['signal'], setAt: toIso(setAt) };
}

export function presentSearchItem(row: SearchItemRow, withDistance: boolean): FacilitySearchItem {
  return {
    id: row.id,
    name: row.name,
    kana: row.name_kana,
    type: row.type,
    address: formatAddress(row),
    district: row.district_code,
    districtName: row.district_name,
    town: row.town,
    phone: row.phone,
    location: row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng },
    capabilities: row.capabilities,
    confirmations: row.confirmations.map((c) => ({
      code: c.code,
      confirmedAt: toIso(c.confirmed_at),
      confirmedBy: c.confirmed_by,
    })),
    capacity: presentCapacity(row.capacity_signal, row.capacity_set_at),
    ...(withDistance && row.distance_m !== null ? { distanceM: row.distance_m } : {}),
  };
}
