import type { ImportRowError, OpenDataLayout } from '../../../../contracts/opendata';
import { LAYOUT_COLUMNS } from '../../../../contracts/opendata-layouts';
import { uuidV7 } from '../../../platform/ids/uuid-v7';
import { rowError } from '../parse/row-reading';
import type { ResolvedRow } from '../parse/row-resolution';
import { serviceCodeOf } from './care-service-codes';
import { changedFields, projectFacility } from './facility-projection';
import { PATCH_FIELD_OF } from './facility-row';
import type { FacilityKeys, FacilityMatch, FacilityState } from './facility-state';

export type CreatePlan = { kind: 'create'; row: ResolvedRow; id: string; hash: string };

/** What the import will do with one row. */
export type RowPlan =
  | CreatePlan
  | {
      kind: 'update';
      row: ResolvedRow;
      state: FacilityState;
      hash: string;
      /** Content fields the file changes (kept editor edits removed). */
      apply: string[];
      before: Record<string, unknown>;
      kept: string[];
      overwritten: string[];
    }
  | {
      /** Recognised by its hash (isUnchangedSinceImport), without loading the facility. */
      kind: 'unchanged';
      row: ResolvedRow;
      state: FacilityMatch;
      hash: string;
      kept: [];
      verified: false;
    }
  | {
      /** Compared field by field (planRow): nothing to apply. */
      kind: 'unchanged';
      row: ResolvedRow;
      state: FacilityState;
      hash: string;
      kept: string[];
      verified: true;
    };

/** The keys a batch of rows of one municipality may match facilities by. */
export function keysOf(rows: ResolvedRow[]): FacilityKeys {
  const keys: FacilityKeys = { medicalCodes: [], careOffices: [], sourceIds: [], ids: [] };
  for (const row of rows) {
    if (row.matchKey.startsWith('mic:')) keys.medicalCodes.push(row.matchKey.slice(4));
    else if (row.matchKey.startsWith('care:')) keys.careOffices.push(row.matchKey.split(':')[1]!);
    else {
      const sourceId = row.matchKey.slice(3);
      const bare = sourceId.replace(/^(med|care):/, '');
      keys.sourceIds.push(sourceId, bare);
      keys.ids.push(bare);
    }
  }
  return keys;
}

/** What matching needs of a facility: its id and keys. */
export type FacilityKeyed = Pick<
  FacilityMatch,
  'id' | 'medical_institution_code' | 'care_office_number' | 'care_service_type' | 'source_id'
>;

/** Facilities indexed by each key kind (a batch has hundreds of rows; an import many batches). */
export type MatchIndex<T extends FacilityKeyed = FacilityMatch> = {
  byMedicalCode: Map<string, T>;
  byCareOffice: Map<string, T[]>;
  bySourceId: Map<string, T>;
  byId: Map<string, T>;
};

export function emptyIndex<T extends FacilityKeyed>(): MatchIndex<T> {
  return { byMedicalCode: new Map(), byCareOffice: new Map(), bySourceId: new Map(), byId: new Map() };
}

/** Adds a facility under each of its keys (the first facility of a key keeps it). */
export function addToIndex<T extends FacilityKeyed>(index: MatchIndex<T>, s: T): void {
  index.byId.set(s.id, s);
  if (s.medical_institution_code && !index.byMedicalCode.has(s.medical_institution_code))
    index.byMedicalCode.set(s.medical_institution_code, s);
  if (s.source_id && !index.bySourceId.has(s.source_id)) index.bySourceId.set(s.source_id, s);
  if (s.care_office_number) {
    const list = index.byCareOffice.get(s.care_office_number);
    if (list) list.push(s);
    else index.byCareOffice.set(s.care_office_number, [s]);
  }
}

/** Takes a facility out of the index under every key it holds. */
export function removeFromIndex<T extends FacilityKeyed>(index: MatchIndex<T>, s: T): void {
  if (!index.byId.delete(s.id)) return;
  if (s.medical_institution_code && index.byMedicalCode.get(s.medical_institution_code) === s)
    index.byMedicalCode.delete(s.medical_institution_code);
  if (s.source_id && index.bySourceId.get(s.source_id) === s) index.bySourceId.delete(s.source_id);
  if (s.care_office_number) {
    const rest = (index.byCareOffice.get(s.care_office_number) ?? []).filter((other) => other !== s);
    if (rest.length > 0) index.byCareOffice.set(s.care_office_number, rest);
    else index.byCareOffice.delete(s.care_office_number);
  }
}

export function indexMatches(states: FacilityMatch[]): MatchIndex {
  const index = emptyIndex<FacilityMatch>();
  for (const s of states) addToIndex(index, s);
  return index;
}

/**
 * Finds the facility a row names, by its strongest key: 医療機関コード, then (事業所番号, サービス),
 * then the file's ID (ours, or a facility id from an export of this installation).
 */
export function matchFacility<T extends FacilityKeyed>(
  row: ResolvedRow,
  index: MatchIndex<T>,
): T | undefined {
  const key = row.matchKey;
  if (key.startsWith('mic:')) return index.byMedicalCode.get(key.slice(4));
  if (key.startsWith('care:')) {
    const [, office, service] = key.split(':');
    const code = serviceCodeOf(service ?? '');
    const sameOffice = index.byCareOffice.get(office ?? '') ?? [];
    // An office recorded without its service (entered by hand) is the same office.
    return (
      sameOffice.find((s) => s.care_service_type === code) ?? sameOffice.find((s) => !s.care_service_type)
    );
  }
  // The file's ID as we stored it, as the directory stored it (without family), or our own id.
  const sourceId = key.slice(3);
  const bare = sourceId.replace(/^(med|care):/, '');
  return index.bySourceId.get(sourceId) ?? index.bySourceId.get(bare) ?? index.byId.get(bare);
}

export type PlanOptions = {
  overwriteEditorEdits: boolean;
  /** Patch fields each facility's own editor changed (see findEditorEditedFields). */
  editorFields: Map<string, Set<string>>;
};

/**
 * True when the facility's editor has changes an import has not overwritten yet (the database
 * applies the same rule in FacilityMatch.untouched_since_sync).
 */
export function hasPendingEditorEdits(
  state: Pick<FacilityState, 'edited_by_editor_at' | 'editor_edits_overwritten_at'>,
): boolean {
  if (!state.edited_by_editor_at) return false;
  return !state.editor_edits_overwritten_at || state.edited_by_editor_at > state.editor_edits_overwritten_at;
}

/**
 * An unchanged row is recognised by its hash alone while nobody has touched the facility since the
 * import that wrote it (and its editor has no edits the import kept).
 */
export function isUnchangedSinceImport(match: FacilityMatch, hash: string): boolean {
  return match.untouched_since_sync && match.content_hash === hash;
}

/** Decides update / unchanged for a row of an existing facility by comparing field by field. */
export function planRow(row: ResolvedRow, hash: string, state: FacilityState, options: PlanOptions): RowPlan {
  const current = projectFacility(state);
  const changed = changedFields(row.content, current);
  const editorFields = options.editorFields.get(state.id) ?? new Set<string>();
  const byEditor = changed.filter((f) => editorFields.has(PATCH_FIELD_OF[f] ?? ''));
  const kept = options.overwriteEditorEdits ? [] : byEditor;
  const overwritten = options.overwriteEditorEdits ? byEditor : [];
  const apply = changed.filter((f) => !kept.includes(f));
  if (apply.length === 0) return { kind: 'unchanged', row, state, hash, kept, verified: true };
  const before = Object.fromEntries(apply.map((f) => [f, (current as Record<string, unknown>)[f] ?? null]));
  return { kind: 'update', row, state, hash, apply, before, kept, overwritten };
}

export function createPlan(row: ResolvedRow, hash: string): CreatePlan {
  return { kind: 'create', row, id: uuidV7(), hash };
}

/** Headers of the file for content fields, to name kept edits the way the admin's file does. */
export function headersOf(layout: OpenDataLayout, fields: string[]): string[] {
  const headers: string[] = [];
  for (const field of fields) {
    const column = LAYOUT_COLUMNS[layout].find((c) => c.field === field);
    const header = column?.header ?? (field === 'type' ? '種類' : field);
    if (!headers.includes(header)) headers.push(header);
  }
  return headers;
}

/** A row that names a facility another row of the same file already took. */
export function duplicateFacilityError(row: ResolvedRow, firstLine: number): ImportRowError {
  return rowError(row.line, null, 'row.duplicate_key', `${row.matchKey}, ${firstLine}行目`);
}
