import type {
  AddressBlock,
  CollaborationTool,
  FacilityDetail,
  FacilityPatch,
  FacilityStatus,
  OpeningHours,
} from '../../../../contracts/directory';

/**
 * What the edit form holds: text boxes hold strings (lists one item per line), so typing never
 * fights a conversion. `toPatch` turns it back into the API's shape.
 */
export type FacilityDraft = {
  name: string;
  kana: string;
  nameEn: string;
  status: FacilityStatus;
  addressBlock: Record<keyof AddressBlock, string>;
  postalCode: string;
  phone: string;
  fax: string;
  email: string;
  url: string;
  medicalInstitutionCode: string;
  careOfficeNumber: string;
  beds: string;
  departments: string;
  languages: string;
  accessibility: string;
  collaborationTools: CollaborationTool[];
  hours: OpeningHours;
  capabilities: string[];
};

/** The fields the editor form offers (location and main station are set by the ward). */
export type EditableField = keyof FacilityDraft;

const lines = (values: string[]) => values.join('\n');

export function draftFromFacility(facility: FacilityDetail): FacilityDraft {
  const a = facility.addressBlock;
  return {
    name: facility.name,
    kana: facility.kana ?? '',
    nameEn: facility.nameEn ?? '',
    status: facility.status,
    addressBlock: {
      prefecture: a.prefecture ?? '',
      city: a.city ?? '',
      town: a.town ?? '',
      block: a.block ?? '',
      building: a.building ?? '',
    },
    postalCode: facility.postalCode ?? '',
    phone: facility.phone ?? '',
    fax: facility.fax ?? '',
    email: facility.email ?? '',
    url: facility.url ?? '',
    medicalInstitutionCode: facility.medicalInstitutionCode ?? '',
    careOfficeNumber: facility.careOfficeNumber ?? '',
    beds: facility.beds === null ? '' : String(facility.beds),
    departments: lines(facility.departments),
    languages: lines(facility.languages),
    accessibility: lines(facility.accessibility),
    collaborationTools: [...facility.collaborationTools],
    hours: structuredClone(facility.hours),
    capabilities: facility.capabilities.map((c) => c.code),
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** One item per line; blank lines and repeats dropped. Full-width commas also separate (、，). */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\n、，,]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

function cleanHours(hours: OpeningHours): OpeningHours {
  return {
    weekly: hours.weekly.map((h) =>
      h.note?.trim() ? { ...h, note: h.note.trim() } : { day: h.day, open: h.open, close: h.close },
    ),
    closures: hours.closures
      .filter((c) => c.nth.length > 0)
      .map((c) => ({ weekday: c.weekday, nth: [...c.nth].sort() })),
    closedOnHolidays: hours.closedOnHolidays,
    closedYearEnd: hours.closedYearEnd,
    note: text(hours.note ?? ''),
  };
}

export function toPatch(draft: FacilityDraft): Partial<FacilityPatch> {
  const a = draft.addressBlock;
  const beds =
    draft.beds.trim() === ''
      ? null
      : Number(draft.beds.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return {
    name: draft.name.trim(),
    kana: text(draft.kana),
    nameEn: text(draft.nameEn),
    status: draft.status,
    addressBlock: {
      prefecture: text(a.prefecture),
      city: text(a.city),
      town: text(a.town),
      block: text(a.block),
      building: text(a.building),
    },
    postalCode: text(draft.postalCode),
    phone: text(draft.phone),
    fax: text(draft.fax),
    email: text(draft.email),
    url: text(draft.url),
    medicalInstitutionCode: text(draft.medicalInstitutionCode),
    careOfficeNumber: text(draft.careOfficeNumber),
    beds: beds === null || Number.isNaN(beds) ? null : beds,
    departments: splitList(draft.departments),
    languages: splitList(draft.languages),
    accessibility: splitList(draft.accessibility),
    collaborationTools: [...draft.collaborationTools].sort(),
    hours: cleanHours(draft.hours),
    capabilities: [...draft.capabilities].sort(),
  };
}

/** Only the fields that differ from the starting point go into the change request. */
export function changedFields(original: FacilityDraft, edited: FacilityDraft): Partial<FacilityPatch> {
  const before = toPatch(original);
  const after = toPatch(edited);
  const changes: Partial<FacilityPatch> = {};
  for (const key of Object.keys(after) as Array<keyof FacilityPatch>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      (changes as Record<string, unknown>)[key] = after[key];
    }
  }
  return changes;
}
