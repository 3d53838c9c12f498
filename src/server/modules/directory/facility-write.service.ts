import type { Transaction } from 'kysely';
import type {
  ConfirmationSource,
  FacilityPatch,
  FacilityType,
  FieldDiff,
} from '../../../contracts/directory';
import type { ErrorCode } from '../../../contracts/error-codes';
import { normalizeSearchKey } from '../../../contracts/japanese-text';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { type FacilityRecord, findFacilityRecord, pointOf } from './facility.queries';
import { toPatchView } from './facility-detail.presenter';
import { diffChanges, normaliseChanges, stripChome } from './facility-patch';
import { hoursColumns, toHoursRows } from './opening-hours';
import type { HistorySourceValue } from './review.table';
import { refreshFacilitySearch } from './search-refresh.service';
import { listCapabilities } from './taxonomy.queries';
import './review.table';

type Trx = Transaction<Database>;

export type ChangeMeta = {
  source: HistorySourceValue;
  userId: string | null;
  label: string | null;
  changeRequestId?: string | null;
  now?: Date;
};

/**
 * The facilities' unique codes (migration 20261124020000): a use case that writes a facility's
 * columns passes these as `uniqueViolations`, so a taken code is a 409, not a 500.
 */
export const FACILITY_UNIQUE_CODES: Record<string, ErrorCode> = {
  facilities_medical_code: 'directory.duplicate_code',
  facilities_care_office: 'directory.duplicate_code',
};

/** Who a change confirms the data as: the facility's own editor, else the ward's staff. */
export function confirmationSourceOf(source: HistorySourceValue): ConfirmationSource {
  if (source === 'editor' || source === 'confirm') return 'facility';
  if (source === 'import') return 'open_data';
  return 'ward';
}

/**
 * Applies a change to a locked facility record: columns, hours, capabilities, version + 1, a
 * history row, and fresh search columns. Returns the diff. Throws directory.no_changes,
 * directory.unknown_capability, directory.invalid_main_station, directory.duplicate_code.
 */
export async function applyFacilityChanges(
  trx: Trx,
  record: FacilityRecord,
  changes: Partial<FacilityPatch>,
  meta: ChangeMeta,
): Promise<{ version: number; diff: FieldDiff[] }> {
  const diff = diffChanges(toPatchView(record), changes);
  if (diff.length === 0) throw new AppError('directory.no_changes');
  const normalised = normaliseChanges(changes);
  const now = meta.now ?? new Date();
  const version = record.version + 1;
  const by = confirmationSourceOf(meta.source);
  await validateChanges(trx, record.municipality_code, record.id, normalised);
  // Only what the change touched is re-dated: the basic data when a field other than the
  // capabilities changed, and only the capabilities it added (see writeCapabilities).
  const touchesBasicData = diff.some((d) => d.field !== 'capabilities');
  await writeColumns(trx, record.municipality_code, record.id, normalised, {
    version,
    updated_at: now,
    ...(meta.source === 'editor' ? { edited_by_editor_at: now } : {}),
    ...(touchesBasicData ? { last_confirmed_at: now, last_confirmed_by: by, last_confirmed_file: null } : {}),
  });
  if (normalised.capabilities && diff.some((d) => d.field === 'capabilities')) {
    await writeCapabilities(trx, record.municipality_code, record.id, normalised.capabilities, now, by);
  }
  await trx
    .insertInto('facility_history')
    .values({
      municipality_code: record.municipality_code,
      facility_id: record.id,
      version,
      source: meta.source,
      change_request_id: meta.changeRequestId ?? null,
      changed_by_user_id: meta.userId,
      changed_by_label: meta.label,
      changes: JSON.stringify(
        Object.fromEntries(diff.map((d) => [d.field, { before: d.before, after: d.after }])),
      ),
    })
    .execute();
  await refreshFacilitySearch(trx, [record.id]);
  return { version, diff };
}

/** Creates a facility from a full or partial patch. Throws the codes of applyFacilityChanges. */
export async function createFacility(
  trx: Trx,
  municipalityCode: string,
  input: Partial<FacilityPatch> & { name: string; type: FacilityType },
  meta: ChangeMeta,
): Promise<string> {
  const { type, ...patch } = input;
  const normalised = normaliseChanges(patch);
  await validateChanges(trx, municipalityCode, null, normalised);
  const now = meta.now ?? new Date();
  const row = await trx
    .insertInto('facilities')
    .values({
      municipality_code: municipalityCode,
      type,
      name: input.name,
      last_confirmed_at: now,
      last_confirmed_by: confirmationSourceOf(meta.source),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  await writeColumns(trx, municipalityCode, id, normalised, {});
  if (normalised.capabilities)
    await writeCapabilities(
      trx,
      municipalityCode,
      id,
      normalised.capabilities,
      now,
      confirmationSourceOf(meta.source),
    );
  const created = await findFacilityRecord(trx, id);
  await trx
    .insertInto('facility_history')
    .values({
      municipality_code: municipalityCode,
      facility_id: id,
      version: 1,
      source: 'create',
      changed_by_user_id: meta.userId,
      changed_by_label: meta.label,
      changes: JSON.stringify({ created: { before: null, after: created ? toPatchView(created) : null } }),
    })
    .execute();
  await refreshFacilitySearch(trx, [id]);
  return id;
}

async function validateChanges(
  trx: Trx,
  municipalityCode: string,
  facilityId: string | null,
  changes: Partial<FacilityPatch>,
): Promise<void> {
  if (changes.capabilities && changes.capabilities.length > 0) {
    const known = new Set((await listCapabilities(trx, municipalityCode)).map((c) => c.code));
    const unknown = changes.capabilities.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new AppError('directory.unknown_capability', { unknown });
  }
  if (changes.mainStationId) {
    const main = await trx
      .selectFrom('facilities')
      .select(['id', 'type', 'main_station_id'])
      .where('id', '=', changes.mainStationId)
      .where('municipality_code', '=', municipalityCode)
      .executeTakeFirst();
    if (!main || main.id === facilityId || main.type !== 'visiting_nurse_station' || main.main_station_id) {
      throw new AppError('directory.invalid_main_station');
    }
  }
}

type ColumnUpdate = Record<string, unknown>;

/** Maps the contract's fields onto columns; the 町丁 and district follow the 町字. */
async function writeColumns(
  trx: Trx,
  municipalityCode: string,
  id: string,
  c: Partial<FacilityPatch>,
  extra: ColumnUpdate,
): Promise<void> {
  const set: ColumnUpdate = { ...extra };
  const simple: Array<[keyof FacilityPatch, string]> = [
    ['name', 'name'],
    ['kana', 'name_kana'],
    ['nameEn', 'name_en'],
    ['status', 'status'],
    ['postalCode', 'postal_code'],
    ['phone', 'phone'],
    ['fax', 'fax'],
    ['email', 'email'],
    ['url', 'url'],
    ['medicalInstitutionCode', 'medical_institution_code'],
    ['careOfficeNumber', 'care_office_number'],
    ['beds', 'beds'],
    ['departments', 'departments'],
    ['languages', 'languages'],
    ['accessibility', 'accessibility'],
    ['collaborationTools', 'collaboration_tools'],
    ['mainStationId', 'main_station_id'],
  ];
  for (const [field, column] of simple) if (field in c) set[column] = c[field] ?? null;
  if (c.addressBlock) {
    set.address_prefecture = c.addressBlock.prefecture;
    set.address_city = c.addressBlock.city;
    set.address_town = c.addressBlock.town;
    set.address_block = c.addressBlock.block;
    set.address_building = c.addressBlock.building;
    const town = await resolveTown(trx, municipalityCode, c.addressBlock.town);
    set.town = town?.name ?? null;
    set.district_code = town?.district_code ?? null;
  }
  if ('location' in c) set.location = c.location ? pointOf(c.location) : null;
  if (c.hours) {
    set.closed_on_holidays = c.hours.closedOnHolidays;
    set.closed_year_end = c.hours.closedYearEnd;
    set.hours_note = c.hours.note;
    Object.assign(set, hoursColumns(toHoursRows(c.hours.weekly), c.hours.closures));
  }
  if (Object.keys(set).length === 0) return;
  await trx
    .updateTable('facilities')
    .set(set as never)
    .where('id', '=', id)
    .execute();
}

/** The 町丁 row a 町字 belongs to (上目黒二丁目 → 上目黒), or undefined when not in the table. */
export async function resolveTown(
  trx: Trx,
  municipalityCode: string,
  addressTown: string | null,
): Promise<{ name: string; district_code: string | null } | undefined> {
  if (!addressTown) return undefined;
  const key = normalizeSearchKey(stripChome(addressTown));
  if (!key) return undefined;
  return trx
    .selectFrom('directory_towns')
    .select(['name', 'district_code'])
    .where('municipality_code', '=', municipalityCode)
    .where('search_key', '=', key)
    .executeTakeFirst();
}

/**
 * Codes not listed are removed; listed codes the facility did not offer yet are added, confirmed
 * now by `by`. Codes it already offered keep their date: a change that adds 往診 says nothing new
 * about 看取り (the explicit confirmation in reminder.service.ts re-dates everything).
 */
async function writeCapabilities(
  trx: Trx,
  municipalityCode: string,
  id: string,
  codes: string[],
  now: Date,
  by: ConfirmationSource,
) {
  let remove = trx.deleteFrom('facility_capabilities').where('facility_id', '=', id);
  if (codes.length > 0) remove = remove.where('code', 'not in', codes);
  await remove.execute();
  if (codes.length === 0) return;
  await trx
    .insertInto('facility_capabilities')
    .values(
      codes.map((code) => ({
        facility_id: id,
        municipality_code: municipalityCode,
        code,
        confirmed_at: now,
        confirmed_by: by,
        confirmed_file: null,
      })),
    )
    .onConflict((oc) => oc.columns(['facility_id', 'code']).doNothing())
    .execute();
}
