import type { Kysely, Transaction } from 'kysely';
import type { ImportReport, OpenDataLayout } from '../../../../contracts/opendata';
import type { Database } from '../../../platform/db/schema';
import { buildSearchFields, listDistricts, refreshFacilitySearch, resolveTown } from '../../directory';
import { closuresFromNote } from '../parse/normalise-schedule';
import type { ResolvedRow } from '../parse/row-resolution';
import { contentHash, EXTRA_FIELDS, SCHEDULE_FIELDS, scheduleOf, scheduleRows } from './facility-projection';
import { applyContent, type DirectoryRow, emptyRow, rowFromState } from './facility-row';
import {
  type FacilityMatch,
  findEditorEditedFields,
  findFacilityMatches,
  findFacilityStates,
} from './facility-state';
import {
  type ClosureWrite,
  type HistoryWrite,
  type HoursWrite,
  insertFacilities,
  insertHistory,
  insertMunicipality,
  type RowWrite,
  replaceHours,
  type SourceWrite,
  updateFacilities,
  upsertSources,
} from './facility-writes';
import {
  createPlan,
  duplicateFacilityError,
  hasPendingEditorEdits,
  headersOf,
  isUnchangedSinceImport,
  keysOf,
  matchFacility,
  planRow,
  type RowPlan,
} from './import-plan';

type Executor = Kysely<Database> | Transaction<Database>;
type WritePlan = Exclude<RowPlan, { kind: 'unchanged' }>;

/** State that lives for one import run. */
export type ImportRun = {
  report: ImportReport;
  layout: OpenDataLayout;
  fileName: string;
  now: Date;
  /** null = dry run: plan and count, write nothing. */
  trx: Transaction<Database> | null;
  reader: Executor;
  overwriteEditorEdits: boolean;
  actor: { userId: string | null; label: string | null };
  municipalities: Map<string, { name: string; prefecture: string }>;
  /** Municipalities that had facilities when the run began (others need no lookups). */
  populated: Set<string>;
  /** Facility id → line of the row that took it. */
  touched: Map<string, number>;
  towns: Map<string, { name: string; district_code: string | null } | null>;
  /** District names by municipality (for the search text of new facilities). */
  districts: Map<string, Map<string, string>>;
  pushError(error: ImportReport['errors'][number]): void;
  keepRejectedRow(line: number, sheet: string, cells: Record<string, string>): void;
};

/** Plans and (unless dry) writes one batch of rows. Rows with problems are counted as rejected. */
export async function processBatch(run: ImportRun, rows: ResolvedRow[]): Promise<void> {
  const byMunicipality = new Map<string, ResolvedRow[]>();
  for (const row of rows) {
    if (!(await ensureMunicipality(run, row))) continue;
    byMunicipality.set(row.municipalityCode, [...(byMunicipality.get(row.municipalityCode) ?? []), row]);
  }
  for (const [code, group] of byMunicipality) {
    const plans = await planGroup(run, code, group);
    count(run, plans);
    if (run.trx) await writePlans(run, run.trx, plans);
  }
}

/** Matches a municipality's rows to facilities: the hash settles most, the rest are compared in full. */
async function planGroup(run: ImportRun, code: string, group: ResolvedRow[]): Promise<RowPlan[]> {
  const matches = run.populated.has(code) ? await findFacilityMatches(run.reader, code, keysOf(group)) : [];
  const plans: Array<RowPlan | undefined> = [];
  const compare: Array<{ index: number; row: ResolvedRow; match: FacilityMatch; hash: string }> = [];
  for (const row of group) {
    const hash = contentHash(row.content);
    const match = matchFacility(row, matches);
    const first = match ? run.touched.get(match.id) : undefined;
    if (match && first !== undefined) {
      reject(run, row, [duplicateFacilityError(row, first)]);
      continue;
    }
    if (!match) {
      const plan = createPlan(row, hash);
      run.touched.set(plan.id, row.line);
      plans.push(plan);
      continue;
    }
    run.touched.set(match.id, row.line);
    if (isUnchangedSinceImport(match, hash)) {
      plans.push({ kind: 'unchanged', row, state: match, hash, kept: [], verified: false });
      continue;
    }
    compare.push({ index: plans.length, row, match, hash });
    plans.push(undefined);
  }
  if (compare.length > 0) {
    const states = new Map(
      (
        await findFacilityStates(
          run.reader,
          compare.map((c) => c.match.id),
        )
      ).map((s) => [s.id, s]),
    );
    const pending = [...states.values()].filter(hasPendingEditorEdits);
    const editorFields = await findEditorEditedFields(
      run.reader,
      pending.map((s) => ({ id: s.id, since: s.editor_edits_overwritten_at })),
    );
    for (const item of compare) {
      const state = states.get(item.match.id)!;
      plans[item.index] = planRow(item.row, item.hash, state, {
        overwriteEditorEdits: run.overwriteEditorEdits,
        editorFields,
      });
    }
  }
  return plans.filter((p): p is RowPlan => p !== undefined);
}

function reject(run: ImportRun, row: ResolvedRow, errors: ImportReport['errors']): void {
  run.report.rejected++;
  for (const error of errors) run.pushError(error);
  run.keepRejectedRow(row.line, '', row.raw);
}

async function ensureMunicipality(run: ImportRun, row: ResolvedRow): Promise<boolean> {
  if (run.municipalities.has(row.municipalityCode)) return true;
  const { name, prefecture } = row.municipalityFromFile;
  if (!name || !prefecture) {
    reject(run, row, [
      {
        line: row.line,
        column: null,
        code: 'row.municipality_name_required',
        message: `この自治体（${row.municipalityCode}）はまだ登録されていないため、自治体名と都道府県名の列が必要です。 / Municipality ${row.municipalityCode} is new to this installation: its name and prefecture are needed.`,
      },
    ]);
    return false;
  }
  const municipality = { code: row.municipalityCode, name, prefecture };
  run.municipalities.set(row.municipalityCode, municipality);
  run.report.municipalitiesAdded.push(municipality);
  if (run.trx) await insertMunicipality(run.trx, municipality);
  return true;
}

function count(run: ImportRun, plans: RowPlan[]): void {
  const { report } = run;
  for (const plan of plans) {
    report.accepted++;
    report[plan.kind === 'create' ? 'created' : plan.kind === 'update' ? 'updated' : 'unchanged']++;
    if (plan.kind === 'create') continue;
    const kept = plan.kept;
    const overwritten = plan.kind === 'update' ? plan.overwritten : [];
    if (kept.length === 0 && overwritten.length === 0) continue;
    report.editorEdits.push({
      line: plan.row.line,
      facilityId: plan.state.id,
      name: plan.state.name,
      fields: headersOf(run.layout, kept.length > 0 ? kept : overwritten),
      overwritten: overwritten.length > 0,
    });
  }
}

async function writePlans(run: ImportRun, trx: Transaction<Database>, plans: RowPlan[]): Promise<void> {
  const inserts: RowWrite[] = [];
  const updates: RowWrite[] = [];
  const hoursOf: Array<{ row: DirectoryRow; plan: WritePlan }> = [];
  const sources: SourceWrite[] = [];
  const history: HistoryWrite[] = [];
  for (const plan of plans) {
    if (plan.kind === 'unchanged') {
      // Remember the verified hash so the next import of this row is recognised without loading it.
      if (plan.verified && plan.kept.length === 0)
        sources.push(sourceOf(run, plan, plan.state.id, plan.state.updated_at));
      continue;
    }
    const fields = plan.kind === 'create' ? Object.keys(plan.row.content) : plan.apply;
    const target = plan.kind === 'create' ? emptyRow(plan.id, plan.row) : rowFromState(plan.state);
    const addressBefore = target.address_town;
    const { hours } = applyContent(target, plan.row, fields);
    if (plan.row.matchKey.startsWith('id:')) target.source_id = plan.row.sourceId;
    if (plan.kind === 'create' || target.address_town !== addressBefore)
      await resolveDistrict(run, trx, target);
    const write = { ...target, raw: plan.row.raw };
    (plan.kind === 'create' ? inserts : updates).push(write);
    if (hours || fields.includes('hoursNote')) hoursOf.push({ row: target, plan });
    sources.push(sourceOf(run, plan, target.id, run.now));
    history.push(historyOf(plan, target));
  }
  // New facilities get their search columns in the insert itself; changed ones are refreshed by
  // the directory (their capabilities count too).
  await insertFacilities(trx, await withSearchFields(run, trx, inserts), run.now);
  await updateFacilities(trx, updates, run.now);
  await writeHours(trx, hoursOf);
  await upsertSources(trx, sources, run.now);
  await insertHistory(trx, history, run.actor, run.now);
  if (updates.length > 0)
    await refreshFacilitySearch(
      trx,
      updates.map((r) => r.id),
    );
}

async function withSearchFields(run: ImportRun, trx: Transaction<Database>, rows: RowWrite[]) {
  const result: Array<RowWrite & ReturnType<typeof buildSearchFields>> = [];
  for (const row of rows) {
    let names = run.districts.get(row.municipality_code);
    if (!names) {
      const districts = await listDistricts(trx, row.municipality_code);
      names = new Map(districts.map((d) => [d.code, d.name]));
      run.districts.set(row.municipality_code, names);
    }
    const districtName = row.district_code ? (names.get(row.district_code) ?? null) : null;
    result.push({
      ...row,
      ...buildSearchFields({ ...row, districtName, languages: [], capabilityNames: [] }),
    });
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

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Weekly rows from the file's schedule (or the facility's, when only the note changed) and note closures. */
async function writeHours(trx: Transaction<Database>, items: Array<{ row: DirectoryRow; plan: WritePlan }>) {
  const hours: HoursWrite[] = [];
  const closures: ClosureWrite[] = [];
  for (const { row, plan } of items) {
    const content = plan.row.content;
    const schedule =
      content.days !== undefined || content.opensAt !== undefined || content.closesAt !== undefined
        ? { days: content.days ?? [], opensAt: content.opensAt ?? [], closesAt: content.closesAt ?? [] }
        : plan.kind === 'create'
          ? { days: [], opensAt: [], closesAt: [] }
          : scheduleOf(plan.state);
    const seen = new Set<string>();
    for (const r of scheduleRows(schedule)) {
      const open = minutes(r.open);
      let close = minutes(r.close);
      if (open >= 1440) continue;
      if (close <= open) close += 1440;
      if (seen.has(`${r.day}:${open}`)) continue;
      seen.add(`${r.day}:${open}`);
      hours.push({
        facility_id: row.id,
        municipality_code: row.municipality_code,
        day: r.day,
        open_minute: open,
        close_minute: close,
      });
    }
    for (const c of closuresFromNote(row.hours_note)) {
      closures.push({ facility_id: row.id, municipality_code: row.municipality_code, ...c });
    }
  }
  const existing = items.filter((i) => i.plan.kind !== 'create').map((i) => i.row.id);
  await replaceHours(trx, existing, hours, closures);
}

function sourceOf(run: ImportRun, plan: RowPlan, facilityId: string, syncedAt: Date): SourceWrite {
  const content = plan.row.content as Record<string, unknown>;
  const extras: Record<string, unknown> = {};
  const keptHours =
    plan.kind !== 'create' && plan.kept.some((f) => (SCHEDULE_FIELDS as readonly string[]).includes(f));
  for (const field of [...EXTRA_FIELDS, ...(keptHours ? [] : SCHEDULE_FIELDS)]) {
    if (field in content) extras[field] = content[field];
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
