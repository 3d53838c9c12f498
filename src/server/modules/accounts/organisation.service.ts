import type {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { toOrganisation } from './admin.presenter';
import {
  deleteOrganisationRow,
  findOrganisation,
  insertOrganisation,
  isOrganisationInUse,
  listOrganisations,
  type OrganisationRow,
  updateOrganisationRow,
} from './organisation.queries';

type Deps = Pick<ModuleDeps, 'db'>;

export async function listOrganisationsOf(
  deps: Deps,
  municipalityCode: string,
  query: OrganisationListQuery,
): Promise<Organisation[]> {
  return (await listOrganisations(deps.db, municipalityCode, query)).map(toOrganisation);
}

/** One organisation of the caller's municipality. Throws not_found. */
export async function getOrganisation(
  deps: Deps,
  municipalityCode: string,
  id: string,
): Promise<Organisation> {
  const row = await findOrganisation(deps.db, municipalityCode, id);
  if (!row) throw new AppError('not_found');
  return toOrganisation(row);
}

/** A link to a facility must stay in the municipality; a name is unique in it (database rules). */
const organisationRules = {
  uniqueViolations: { organisations_name_unique: 'organisation.name_taken' },
  foreignKeyViolations: {
    organisations_facility_same_municipality: 'organisation.facility_not_in_municipality',
  },
} as const;

/**
 * Adds an organisation to the caller's municipality. Throws organisation.name_taken,
 * organisation.facility_not_in_municipality.
 */
export async function createOrganisation(
  deps: Deps,
  ctx: RequestContext,
  input: OrganisationCreate,
): Promise<Organisation> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      const id = await insertOrganisation(trx, {
        municipality_code: ctx.municipalityCode,
        kind: input.kind,
        name: input.name,
        name_kana: input.nameKana ?? null,
        facility_id: input.facilityId ?? null,
        created_at: now,
        updated_at: now,
      });
      await audit({
        action: 'organisation.create',
        recordType: 'organisation',
        recordId: id,
        details: { kind: input.kind },
      });
      return toOrganisation((await findOrganisation(trx, ctx.municipalityCode, id)) as OrganisationRow);
    },
    organisationRules,
  );
}

/**
 * Changes name, kana, kind or linked facility. Throws not_found, organisation.name_taken,
 * organisation.facility_not_in_municipality.
 */
export async function updateOrganisation(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: OrganisationUpdate,
): Promise<Organisation> {
  return runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      const current = await findOrganisation(trx, ctx.municipalityCode, id, { lock: true });
      if (!current) throw new AppError('not_found');
      await updateOrganisationRow(trx, id, {
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameKana !== undefined ? { name_kana: input.nameKana } : {}),
        ...(input.facilityId !== undefined ? { facility_id: input.facilityId } : {}),
        updated_at: now,
      });
      await audit({
        action: 'organisation.update',
        recordType: 'organisation',
        recordId: id,
        details: { fields: Object.keys(input) },
      });
      return toOrganisation((await findOrganisation(trx, ctx.municipalityCode, id)) as OrganisationRow);
    },
    organisationRules,
  );
}

/** Deletes an organisation nobody belongs to. Throws not_found, organisation.in_use. */
export async function deleteOrganisation(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  await runUseCase(deps, ctx, async ({ trx, audit }) => {
    const current = await findOrganisation(trx, ctx.municipalityCode, id, { lock: true });
    if (!current) throw new AppError('not_found');
    if (await isOrganisationInUse(trx, id)) throw new AppError('organisation.in_use');
    await deleteOrganisationRow(trx, id);
    await audit({
      action: 'organisation.delete',
      recordType: 'organisation',
      recordId: id,
      details: { name: current.name },
    });
  });
}
