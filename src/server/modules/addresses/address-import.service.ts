import type { AddressImportReport } from '../../../contracts/addresses';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { findMunicipality } from '../../platform/municipality.queries';
import { runUseCase } from '../../platform/use-case';
import { readAbrFile } from './abr-files';
import { deleteAddressPoints, insertAddressPoints } from './address-point.queries';
import { buildAddressPoints } from './address-points-build';

const BATCH = 1000;

/**
 * Replaces a municipality's address points with those of the given registry files, all or nothing,
 * with one audit row. Throws address.municipality_not_found, address.unknown_file, address.bad_row,
 * address.unsupported_srid, address.nothing_to_import (no file row is stored then).
 */
export async function importAddressRegistry(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  input: { municipalityCode: string; files: Array<{ name: string; text: string }>; actorLabel: string },
): Promise<AddressImportReport> {
  if (!(await findMunicipality(deps.db, input.municipalityCode))) {
    throw new AppError('address.municipality_not_found', { municipality: input.municipalityCode });
  }
  const files = input.files.map((file) => readAbrFile(file.name, file.text));
  const { points, report } = buildAddressPoints(files, input.municipalityCode);
  if (points.length === 0)
    throw new AppError('address.nothing_to_import', { municipality: input.municipalityCode });
  return runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      const replaced = await deleteAddressPoints(trx, input.municipalityCode);
      for (let at = 0; at < points.length; at += BATCH) {
        await insertAddressPoints(
          trx,
          points.slice(at, at + BATCH).map((point) => ({ ...point, imported_at: now })),
        );
      }
      const full: AddressImportReport = { ...report, replaced };
      await audit({
        action: 'address.import',
        recordType: 'address_points',
        municipalityCode: input.municipalityCode,
        actorLabel: input.actorLabel,
        details: { ...full },
      });
      return full;
    },
    { requireActor: false },
  );
}
