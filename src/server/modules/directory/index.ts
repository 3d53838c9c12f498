import '../../../contracts/directory';
import { registerDataListSection } from '../../platform/data-list/data-list-sections';
import type { ServerModule } from '../../platform/module';
import { directoryResourcesSection, directoryViewsSection } from './data-list-sections';
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
    // Its resource counts and its use in the council's data list (council module, decision 033).
    registerDataListSection(directoryResourcesSection);
    registerDataListSection(directoryViewsSection);
  },
  jobs: directoryJobs,
};

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
