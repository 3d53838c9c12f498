import type { ImportReport } from '../../../../contracts/opendata';
import { insertMunicipality } from '../../../platform/municipality.queries';
import { ROWS_PER_TURN, turnEventLoop } from '../../../platform/runtime/event-loop';
import { contentHash } from '../parse/content-hash';
import { type ResolvedRow, rawCells } from '../parse/row-resolution';
import type { FacilityMatch } from './facility-state';
import {
  findEditorEditedFields,
  findFacilityMatches,
  findFacilityStates,
  findMunicipalityFacilities,
} from './facility-state.queries';
import {
  addToIndex,
  createPlan,
  duplicateFacilityError,
  emptyIndex,
  hasPendingEditorEdits,
  headersOf,
  indexMatches,
  isUnchangedSinceImport,
  keysOf,
  type MatchIndex,
  matchFacility,
  planRow,
  type RowPlan,
  removeFromIndex,
} from './import-plan';
import type { ImportRun } from './import-run';
import { type PreparedTarget, prepareTarget, type WritePlan, writePlans } from './import-writes';

/**
 * Plans one batch of rows and (unless dry) writes it. Rows with problems are counted as rejected.
 * Batches go one after another: the next is planned once this one is written.
 */
export async function processBatch(run: ImportRun, rows: ResolvedRow[]): Promise<void> {
  const byMunicipality = new Map<string, ResolvedRow[]>();
  for (const row of rows) {
    if (!(await ensureMunicipality(run, row))) continue;
    const group = byMunicipality.get(row.municipalityCode);
    if (group) group.push(row);
    else byMunicipality.set(row.municipalityCode, [row]);
  }
  for (const [code, group] of byMunicipality) {
    const { plans, prepared } = await planGroup(run, code, group);
    count(run, plans);
    if (run.trx) await writePlans(run, run.trx, plans, prepared);
  }
}

/**
 * Up to this many facilities, a municipality's facilities are loaded once per import and matched
 * in memory: one query instead of one per batch. Larger ones are looked up batch by batch with the
 * batch's keys (memory stays bounded).
 */
export const PRELOAD_UP_TO = 20_000;

/** The facilities of the municipality the rows of a batch may name. */
async function existingFacilities(run: ImportRun, code: string, group: ResolvedRow[]): Promise<MatchIndex> {
  const stored = run.populated.get(code) ?? 0;
  if (stored === 0) return emptyIndex<FacilityMatch>();
  if (stored > run.preloadUpTo) {
    // What the database says of facilities this import rewrote is stale: `written` has them as written.
    const found = await findFacilityMatches(run.reader, code, keysOf(group));
    return indexMatches(found.filter((m) => !run.written.byId.has(m.id)));
  }
  let index = run.preloaded.get(code);
  if (!index) {
    index = indexMatches(await findMunicipalityFacilities(run.reader, code));
    run.preloaded.set(code, index);
  }
  return index;
}

/** Matches a municipality's rows to facilities: the hash settles most, the rest are compared in full. */
async function planGroup(
  run: ImportRun,
  code: string,
  group: ResolvedRow[],
): Promise<{ plans: RowPlan[]; prepared: Map<RowPlan, PreparedTarget> }> {
  const prepared = new Map<RowPlan, PreparedTarget>();
  const matches = await existingFacilities(run, code, group);
  // Known as soon as planned, so a later row of the same batch meets it too.
  const register = (plan: WritePlan, line: number) => {
    const target = prepareTarget(plan);
    prepared.set(plan, target);
    // Only the keys: an import of 500,000 rows must not keep every row it wrote.
    const { id, medical_institution_code, care_office_number, care_service_type, source_id } = target.target;
    const before = matches.byId.get(id);
    if (before) removeFromIndex(matches, before);
    addToIndex(run.written, {
      id,
      medical_institution_code,
      care_office_number,
      care_service_type,
      source_id,
      line,
    });
  };
  const plans: Array<RowPlan | undefined> = [];
  const compare: Array<{ index: number; row: ResolvedRow; match: FacilityMatch; hash: string }> = [];
  for (const [i, row] of group.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await turnEventLoop();
    // Hashed here, not on the reading worker: reading is the longer of the two threads' work on a
    // large file (measured: a re-import of unchanged rows left this thread idle a third of the time).
    const hash = contentHash(row.content);
    const rewritten = matchFacility(row, run.written);
    const match = rewritten ? undefined : matchFacility(row, matches);
    const first = rewritten ? rewritten.line : match ? run.touched.get(match.id) : undefined;
    if (first !== undefined) {
      reject(run, row, [duplicateFacilityError(row, first)]);
      continue;
    }
    if (!match) {
      const plan = createPlan(row, hash);
      register(plan, row.line);
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
      const plan = planRow(item.row, item.hash, state, {
        overwriteEditorEdits: run.overwriteEditorEdits,
        editorFields,
      });
      if (plan.kind !== 'unchanged') register(plan, item.row.line);
      plans[item.index] = plan;
    }
  }
  return { plans: plans.filter((p): p is RowPlan => p !== undefined), prepared };
}

function reject(run: ImportRun, row: ResolvedRow, errors: ImportReport['errors']): void {
  run.report.rejected++;
  for (const error of errors) run.pushError(error);
  run.keepRejectedRow(row.line, '', rawCells(row));
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
    // A row recognised by its hash keeps nothing: only compared rows name the facility.
    if (plan.kind === 'create' || (plan.kind === 'unchanged' && !plan.verified)) continue;
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
