import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import { ROWS_PER_TURN, turnEventLoop } from '../../../platform/runtime/event-loop';
import {
  buildSearchFields,
  type HoursColumns,
  type HoursRow,
  hoursColumns,
  listDistricts,
  refreshFacilitySearch,
  resolveTown,
} from '../../directory';
import { closuresFromNote } from '../parse/normalise-schedule';
import { EXTRA_FIELDS, minutes, SCHEDULE_FIELDS, scheduleOf, scheduleRows } from './facility-projection';
import { applyContent, type DirectoryRow, emptyRow, rowFromState } from './facility-row';
import {
  type HistoryWrite,
  insertFacilities,
  insertHistory,
  insertSources,
  type RowWrite,
  type SearchColumns,
  type SourceWrite,
  updateFacilities,
  upsertSources,
} from './facility-writes';
import type { RowPlan } from './import-plan';
import type { ImportRun } from './import-run';

export type WritePlan = Exclude<RowPlan, { kind: 'unchanged' }>;

/** The directory row a create or update plan writes, with what the file changed in it. */
export type PreparedTarget = {
  target: DirectoryRow;
  fields: string[];
  hours: boolean;
  addressBefore: string | null;
};

/** Builds the row a plan will write (its keys are known before anything is written). */
export function prepareTarget(plan: WritePlan): PreparedTarget {
  const fields = plan.kind === 'create' ? Object.keys(plan.row.content) : plan.apply;
  const target = plan.kind === 'create' ? emptyRow(plan.id, plan.row) : rowFromState(plan.state);
  const addressBefore = target.address_town;
  const { hours } = applyContent(target, plan.row, fields);
  if (plan.row.matchKey.startsWith('id:')) target.source_id = plan.row.sourceId;
  return { target, fields, hours, addressBefore };
}

/**
 * Carries out a batch's plans in the import's transaction: new and changed facilities with their
 * hours, closures, open-data side and history rows, then fresh search columns.
 */
export async function writePlans(
  run: ImportRun,
  trx: Transaction<Database>,
  plans: RowPlan[],
  prepared: ReadonlyMap<RowPlan, PreparedTarget> = new Map(),
): Promise<void> {
  const inserts: RowWrite[] = [];
  const updates: RowWrite[] = [];
  const sources: SourceWrite[] = [];
  const newSources: SourceWrite[] = [];
  const history: HistoryWrite[] = [];
  for (const [i, plan] of plans.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await turnEventLoop();
    if (plan.kind === 'unchanged') {
      // Remember the verified hash so the next import of this row is recognised without loading it.
      if (plan.verified && plan.kept.length === 0)
        sources.push(sourceOf(run, plan, plan.state.id, plan.state.updated_at));
      continue;
    }
    const { target, fields, hours, addressBefore } = prepared.get(plan) ?? prepareTarget(plan);
    if (plan.kind === 'create' || target.address_town !== addressBefore)
      await resolveDistrict(run, trx, target);
    // The prepared row is this plan's own: it takes the raw cells and hours itself instead of a copy.
    const write: RowWrite = Object.assign(target, {
      raw: plan.row.rawJson,
      hours: plan.kind === 'create' || hours || fields.includes('hoursNote') ? hoursOf(target, plan) : null,
    });
    (plan.kind === 'create' ? inserts : updates).push(write);
    (plan.kind === 'create' ? newSources : sources).push(sourceOf(run, plan, target.id, run.now));
    history.push(historyOf(plan, target));
  }
  // New facilities get their search columns in the insert itself; changed ones are refreshed by
  // the directory once their rows are written (their capabilities count too).
  if (inserts.length > 0 || updates.length > 0) await run.indexes.beforeWrite(trx);
  await insertFacilities(trx, await withSearchFields(run, trx, inserts), run.now, run.fileName);
  await updateFacilities(trx, updates, run.now, run.fileName);
  await insertSources(trx, newSources, run.now);
  await upsertSources(trx, sources, run.now);
  await insertHistory(trx, history, run.actor, run.now);
  if (updates.length > 0)
    await refreshFacilitySearch(
      trx,
      updates.map((r) => r.id),
    );
}

async function withSearchFields(run: ImportRun, trx: Transaction<Database>, rows: RowWrite[]) {
  const result: Array<RowWrite & SearchColumns> = [];
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await turnEventLoop();
    let names = run.districts.get(row.municipality_code);
    if (!names) {
      const districts = await listDistricts(trx, row.municipality_code);
      names = new Map(districts.map((d) => [d.code, d.name]));
      run.districts.set(row.municipality_code, names);
    }
    const districtName = row.district_code ? (names.get(row.district_code) ?? null) : null;
    const search = buildSearchFields({
      name: row.name,
      name_kana: row.name_kana,
      name_en: row.name_en,
      type: row.type,
      address_city: row.address_city,
      address_town: row.address_town,
      address_block: row.address_block,
      address_building: row.address_building,
      town: row.town,
      districtName,
      departments: row.departments,
      languages: [],
      capabilityNames: [],
    });
    result.push(Object.assign(row, search));
  }
  return result;
}

async function resolveDistrict(
  run: ImportRun,
  trx: Transaction<Database>,
  target: DirectoryRow,
): Promise<void> {
  const key = `${target.municipality_code}|${target.address_town ?? ''}`;
  let town = run.towns.get(key);
  if (town === undefined) {
    town = (await resolveTown(trx, target.municipality_code, target.address_town)) ?? null;
    run.towns.set(key, town);
  }
  target.town = town?.name ?? null;
  target.district_code = town?.district_code ?? null;
}

/** Weekly hours from the file's schedule (or the facility's, when only the note changed) and note closures. */
function hoursOf(row: DirectoryRow, plan: WritePlan): HoursColumns {
  const content = plan.row.content;
  const schedule =
    content.days !== undefined || content.opensAt !== undefined || content.closesAt !== undefined
      ? { days: content.days ?? [], opensAt: content.opensAt ?? [], closesAt: content.closesAt ?? [] }
      : plan.kind === 'create'
        ? { days: [], opensAt: [], closesAt: [] }
        : scheduleOf(plan.state);
  const rows = new Map<number, HoursRow>(); // by day × 1440 + opening minute: the first one counts
  for (const r of scheduleRows(schedule)) {
    const open = minutes(r.open);
    if (open >= 1440) continue;
    let close = minutes(r.close);
    if (close <= open) close += 1440;
    const key = r.day * 1440 + open;
    if (!rows.has(key)) rows.set(key, { day: r.day, open_minute: open, close_minute: close, note: null });
  }
  const closures = closuresFromNote(row.hours_note).map((c) => ({ weekday: c.weekday, nth: [c.nth] }));
  return hoursColumns([...rows.values()], closures);
}

const EXTRA_AND_SCHEDULE_FIELDS: readonly string[] = [...EXTRA_FIELDS, ...SCHEDULE_FIELDS];

function sourceOf(run: ImportRun, plan: RowPlan, facilityId: string, syncedAt: Date): SourceWrite {
  const content = plan.row.content as Record<string, unknown>;
  const extras: Record<string, unknown> = {};
  const keptHours =
    plan.kind !== 'create' && plan.kept.some((f) => (SCHEDULE_FIELDS as readonly string[]).includes(f));
  // A new facility's row keeps only the cells the file filled: an absent field reads as null, and
  // most of a real file's extra columns are empty. An existing one's nulls stay, since they clear
  // what an earlier file said (the upsert merges extras).
  const create = plan.kind === 'create';
  for (const field of keptHours ? EXTRA_FIELDS : EXTRA_AND_SCHEDULE_FIELDS) {
    if (field in content && (!create || content[field] !== null)) extras[field] = content[field];
  }
  if (plan.row.sourceId) extras.sourceId = plan.row.sourceId;
  return {
    facility_id: facilityId,
    municipality_code: plan.row.municipalityCode,
    layout: run.layout,
    content_hash: plan.hash,
    extras,
    source_file: run.fileName,
    source_line: plan.row.line,
    synced_at: syncedAt.toISOString(),
    overwritten: plan.kind === 'update' && plan.overwritten.length > 0,
  };
}

function historyOf(plan: WritePlan, target: DirectoryRow): HistoryWrite {
  if (plan.kind === 'create') {
    return {
      municipality_code: target.municipality_code,
      facility_id: target.id,
      version: 1,
      changes: { created: { before: null, after: { name: target.name, type: target.type } } },
    };
  }
  const content = plan.row.content as Record<string, unknown>;
  return {
    municipality_code: target.municipality_code,
    facility_id: target.id,
    version: plan.state.version + 1,
    changes: Object.fromEntries(
      plan.apply.map((f) => [f, { before: plan.before[f] ?? null, after: content[f] ?? null }]),
    ),
  };
}
