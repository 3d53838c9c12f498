import { Readable } from 'node:stream';
import type { ExportDataset, ExportFormat } from '../../../../contracts/opendata';
import type { RequestContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import type { ModuleDeps } from '../../../platform/module';
import { findMunicipality } from '../../../platform/municipality.queries';
import { fhirBundle } from './fhir-export';
import { hsdsDocument } from './hsds-export';
import { DATASETS } from './standard-rows';
import { standardCsv, standardWorkbook } from './table-export';

export type ExportRequest = {
  format: ExportFormat;
  municipalityCode: string;
  /** Which standard list a CSV holds (xlsx, HSDS and FHIR hold every facility). */
  dataset?: ExportDataset;
};

export type ExportFile = { stream: Readable; fileName: string; mediaType: string };

/**
 * Streams a municipality's facilities in an open format. The rows are read page by page as the
 * consumer reads, so memory stays flat whatever the size. A read, like the catalogue: no
 * transaction (the pages are read as the stream is consumed) and no actor (the download is public,
 * the CLI passes its systemContext). Throws not_found for an unknown municipality.
 */
export async function exportOpenData(
  deps: Pick<ModuleDeps, 'db'>,
  _ctx: RequestContext,
  request: ExportRequest,
): Promise<ExportFile> {
  const { db } = deps;
  const municipality = await findMunicipality(db, request.municipalityCode);
  if (!municipality) throw new AppError('not_found', { municipality: request.municipalityCode });
  const base = `${municipality.code}`;
  switch (request.format) {
    case 'csv':
    case 'csv-cp932': {
      const dataset = request.dataset ?? 'medical';
      const encoding = request.format === 'csv' ? 'utf-8' : 'cp932';
      return {
        stream: Readable.from(standardCsv(db, dataset, municipality, encoding)),
        fileName: `${base}-${DATASETS[dataset].fileName}${encoding === 'cp932' ? '-sjis' : ''}.csv`,
        mediaType: `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`,
      };
    }
    case 'xlsx':
      return {
        stream: standardWorkbook(db, municipality),
        fileName: `${base}-facilities.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    case 'hsds':
      return {
        stream: Readable.from(hsdsDocument(db, municipality)),
        fileName: `${base}-hsds.json`,
        mediaType: 'application/json; charset=utf-8',
      };
    case 'fhir':
      return {
        stream: Readable.from(fhirBundle(db, municipality)),
        fileName: `${base}-fhir-bundle.json`,
        mediaType: 'application/fhir+json; charset=utf-8',
      };
  }
}
