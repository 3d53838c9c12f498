import '../../../contracts/council-errors';
import type { ServerModule } from '../../platform/module';
import { registerDataListRoutes } from './data-list.routes';

/**
 * The council's data list (在宅療養に関するデータ一覧, MISSION.md item 10): every programme's figures
 * by 令和N年度 beside the year before, printable for the meeting and as CSV. It owns no table and
 * imports no module: the modules register their sections (platform/data-list/data-list-sections.ts).
 */
export const councilModule: ServerModule = {
  name: 'council',
  async register(app, deps) {
    await registerDataListRoutes(app, deps);
  },
};
