import '../../../contracts/directory';
import type { ServerModule } from '../../platform/module';
import { seedDirectoryDemo } from './demo/demo-seed';
import { directoryJobs } from './directory.jobs';
import { registerPublicRoutes } from './public.routes';
import { registerStaffRoutes } from './staff.routes';
import { registerStatsRoutes } from './stats.routes';

/**
 * The resource directory (医療介護資源情報提供システム): facilities, capability taxonomy, Japanese
 * search, self-service changes with a review queue, freshness reminders and view statistics.
 */
export const directoryModule: ServerModule = {
  name: 'directory',
  async register(app, deps) {
    await registerPublicRoutes(app, deps);
    await registerStaffRoutes(app, deps);
    await registerStatsRoutes(app, deps);
  },
  seedDemo: seedDirectoryDemo,
  jobs: directoryJobs,
};

export { bulkInsertFacilities } from './demo/bulk-insert';
export { type DemoFacility, generateFacilities, iterateFacilities } from './demo/facility-generator';
export { type Geography, installGeography, loadMeguroGeography } from './demo/meguro-geography';
export {
  installSyntheticMunicipalities,
  iterateNationalFacilities,
  nationalSizes,
  syntheticGeographies,
} from './demo/national-generator';
export { type FacilityRecord, findFacilityRecord } from './facility.queries';
export type { FacilityTable } from './facility.table';
export { resolveTown } from './facility-write.service';
export {
  closuresOf,
  fromHoursRows,
  type HoursColumns,
  type HoursRow,
  hoursColumns,
  hoursRowsOf,
  isOpenAt,
  toHoursRows,
} from './opening-hours';
// What other modules (the open-data importer and exporter, the benchmark) may use.
export { buildSearchFields, type SearchSource } from './search-document';
export { refreshFacilitySearch } from './search-refresh.service';
export { listCapabilities, listDistricts, listTowns } from './taxonomy.queries';
