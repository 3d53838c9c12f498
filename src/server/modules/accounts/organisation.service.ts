import type {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from '../../../contracts/accounts';
import { writeAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import { AppError, isUniqueViolation } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { toOrganisation } from './admin.presenter';
import {
  findOrganisation,
  isOrganisationInUse,
  listOrganisations,
  type OrganisationRow,
} from './organisation.queries';

type Deps = Pick<ModuleDeps, 'db'>;

function renameConflict(error: unknown): never {
  if (isUniqueViolation(error, 'organisations_name_unique')) throw new AppError('organisation.name_taken');
  throw error;
}

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

/** Adds an organisation to the caller's municipality. Throws organisation.name_taken. */
export async function createOrganisation(
  deps: Deps,
  ctx: RequestContext,
  input: OrganisationCreate,
): Promise<Organisation> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = clock.now();
      const { id } = await trx
        .insertInto('organisations')
        .values({
          municipality_code: ctx.municipalityCode,
          kind: input.kind,
          name: input.name,
          name_kana: input.nameKana ?? null,
          facility_id: input.facilityId ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: 'organisation.create',
        recordType: 'organisation',
        recordId: id,
        details: { kind: input.kind },
      });
      return toOrganisation((await findOrganisation(trx, ctx.municipalityCode, id)) as OrganisationRow);
    });
  } catch (error) {
    renameConflict(error);
  }
}

/** Changes name, kana, kind or linked facility. Throws not_found, organisation.name_taken. */
export async function updateOrganisation(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: OrganisationUpdate,
): Promise<Organisation> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const current = await findOrganisation(trx, ctx.municipalityCode, id, { lock: true });
      if (!current) throw new AppError('not_found');
      await trx
        .updateTable('organisations')
        .set({
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.nameKana !== undefined ? { name_kana: input.nameKana } : {}),
          ...(input.facilityId !== undefined ? { facility_id: input.facilityId } : {}),
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await writeAudit(trx, ctx, {
        action: 'organisation.update',
        recordType: 'organisation',
        recordId: id,
        details: { fields: Object.keys(input) },
      });
      return toOrganisation((await findOrganisation(trx, ctx.municipalityCode, id)) as OrganisationRow);
    });
  } catch (error) {
    renameConflict(error);
  }
}

/** Deletes an organisation nobody belongs to. Throws not_found, organisation.in_use. */
export async function deleteOrganisation(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const current = await findOrganisation(trx, ctx.municipalityCode, id, { lock: true });
    if (!current) throw new AppError('not_found');
    if (await isOrganisationInUse(trx, id)) throw new AppError('organisation.in_use');
    await trx.deleteFrom('organisations').where('id', '=', id).execute();
    await writeAudit(trx, ctx, {
      action: 'organisation.delete',
      recordType: 'organisation',
      recordId: id,
      details: { name: current.name },
    });
  });
}
