import type { OpenDataLayout } from '../../../../contracts/opendata';
import { type FacilityField, LAYOUT_COLUMNS } from '../../../../contracts/opendata-layouts';
import type { MunicipalityInfo } from '../../../platform/municipality.queries';
import { projectFacility, serviceKindOf } from '../import/facility-projection';
import {
  defaultServiceLabel,
  type FacilityType,
  MEDICAL_TYPES,
  medicalKindLabel,
} from '../parse/facility-kinds';
import { type FacilityRecord, FIELD_SPECS } from '../parse/facility-record';
import type { ExportFacility } from './export-source';

/** The two datasets a municipality publishes, each in its standard layout. */
export const DATASETS = {
  medical: { layout: 'medical_standard', types: MEDICAL_TYPES, fileName: 'medical-institutions' },
  care: {
    layout: 'care_recommended',
    types: [
      'visiting_nurse_station',
      'care_management_office',
      'community_support_center',
      'other_care_service',
    ],
    fileName: 'care-offices',
  },
} as const satisfies Record<
  string,
  { layout: OpenDataLayout; types: readonly FacilityType[]; fileName: string }
>;

/** The columns a download carries: the layout without the ones we only read. */
export function publishedColumns(layout: OpenDataLayout) {
  return LAYOUT_COLUMNS[layout].filter((c) => !c.importOnly);
}

export function headersOf(layout: OpenDataLayout): string[] {
  return publishedColumns(layout).map((c) => c.header);
}

/**
 * One facility as a row of a standard layout. The values are the normalised ones the importer
 * produces, so importing the export reads back exactly the same facility (no change).
 */
export function standardCells(
  layout: OpenDataLayout,
  facility: ExportFacility,
  municipality: MunicipalityInfo,
  sequence: number,
): string[] {
  const record: FacilityRecord = {
    ...projectFacility(facility, false),
    municipalityCode: municipality.code,
    siteMunicipalityCode: municipality.code,
    municipalityName: municipality.name,
    municipalityPrefecture: municipality.prefecture,
    // Our id is the row's ID: a later import of this file matches the facility by it.
    sourceId: facility.id,
    sourceNo: String(sequence),
    kind: medicalKindLabel(facility.type, facility.beds) || null,
    serviceKind: serviceKindOf(facility) ?? defaultServiceLabel(facility.type),
  };
  return publishedColumns(layout).map((column) => (column.field ? cellOf(column.field, record) : ''));
}

function cellOf(field: FacilityField, record: FacilityRecord): string {
  const value = (record as Record<string, unknown>)[field];
  if (value === undefined || value === null) return FIELD_SPECS[field].write(emptyOf(field) as never);
  // A stored value the reader would refuse is projected as its text: write it as it is.
  if (typeof value === 'string' && typeof emptyOf(field) === 'object' && emptyOf(field) !== null)
    return value;
  return FIELD_SPECS[field].write(value as never);
}

function emptyOf(field: FacilityField): unknown {
  switch (field) {
    case 'days':
    case 'opensAt':
    case 'closesAt':
    case 'departments':
      return [];
    case 'status':
      return 'active';
    default:
      return null;
  }
}
