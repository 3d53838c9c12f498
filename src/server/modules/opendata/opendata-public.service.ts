import {
  OPEN_DATA_LICENCE,
  type OpenDataCatalog,
  type OpenDataFile,
  openDataFiles,
} from '../../../contracts/opendata';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { findMunicipality } from '../../platform/municipality.queries';
import { countFacilities } from './export/export.queries';
import { findDataVersion } from './opendata-public.queries';

/** Public reads: `(deps, ctx, input)` without a transaction or an actor; anyone may ask. */
type Deps = Pick<ModuleDeps, 'db'>;

/** The downloads of a municipality, with licence and credit line. Throws not_found for an unknown one. */
export async function getCatalog(deps: Deps, _ctx: RequestContext, code: string): Promise<OpenDataCatalog> {
  const municipality = await findMunicipality(deps.db, code);
  if (!municipality) throw new AppError('not_found', { municipality: code });
  const { n, last } = await countFacilities(deps.db, code);
  return {
    municipality: { code, name: municipality.name },
    licence: OPEN_DATA_LICENCE,
    attribution: `出典：${municipality.prefecture}${municipality.name}「在宅療養資源マップ」オープンデータ（Zaitaku）`,
    downloads: (Object.keys(openDataFiles) as OpenDataFile[]).map((file) => ({
      file,
      format: openDataFiles[file].format,
      label: openDataFiles[file].ja,
      labelEn: openDataFiles[file].en,
      url: `/api/public/opendata/${file}?municipality=${code}`,
    })),
    facilityCount: n,
    lastUpdated: last ? new Date(last).toISOString() : null,
  };
}

/**
 * A fingerprint of everything the files hold: facilities (count and last change) and capability
 * confirmations (which change without touching the facility). Throws not_found for an unknown one.
 */
export async function getDataVersion(deps: Deps, _ctx: RequestContext, code: string): Promise<string> {
  const row = await findDataVersion(deps.db, code);
  if (!row.known) throw new AppError('not_found', { municipality: code });
  const time = (d: Date | null) => (d ? new Date(d).getTime() : 0);
  return `${row.n}-${time(row.last)}-${time(row.confirmed)}`;
}
