import type { Executor } from '../../platform/db/schema';

/** Which windows a figure covers: one municipality, and its own windows or all of them. */
export type FiguresScope = { municipalityCode: string; organisationIds?: readonly string[] };

/** The contacts of the period [from, to), with what the figures count of each (no personal data). */
export async function listContactsForFigures(executor: Executor, scope: FiguresScope, from: Date, to: Date) {
  if (scope.organisationIds?.length === 0) return [];
  let query = executor
    .selectFrom('consultation_contacts as k')
    .innerJoin('consultations as c', 'c.id', 'k.consultation_id')
    .select([
      'k.consultation_id',
      'k.occurred_at',
      'k.consulter',
      'k.institution_in_ward',
      'k.referral_source',
      'c.organisation_id',
      'c.gap_flags',
      'c.routed_to',
    ])
    .where('c.municipality_code', '=', scope.municipalityCode)
    .where('k.occurred_at', '>=', from)
    .where('k.occurred_at', '<', to);
  if (scope.organisationIds) query = query.where('c.organisation_id', 'in', [...scope.organisationIds]);
  return query.execute();
}

/** The municipality's windows (包括 centres) with their names, in name order. */
export function listWindows(executor: Executor, municipalityCode: string) {
  return executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'community_support_center')
    .orderBy('name')
    .orderBy('id')
    .execute();
}
