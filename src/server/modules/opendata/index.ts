import '../../../contracts/opendata-errors';
import type { ServerModule } from '../../platform/module';
import { registerAdminRoutes } from './opendata-admin.routes';
import { registerPublicRoutes } from './opendata-public.routes';

/**
 * Open data in and out (issue 4): import of municipal and MHLW facility lists, export as standard
 * CSV, xlsx, Open Referral HSDS and FHIR, and the public downloads.
 */
export const opendataModule: ServerModule = {
  name: 'opendata',
  async register(app, deps) {
    await registerPublicRoutes(app, deps);
    await registerAdminRoutes(app, deps);
  },
};

// What other modules (the benchmark) may use.
export { exportOpenData } from './export/export.service';
export { importOpenData } from './import/import.service';
// The CSV reader, for the address registry import (addresses module), so there is one way to split CSV.
export { CsvError, CsvSplitter } from './parse/csv-splitter';
