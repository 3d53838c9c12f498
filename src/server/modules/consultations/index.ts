import '../../../contracts/consultations';
import { registerDataListSection } from '../../platform/data-list/data-list-sections';
import type { ServerModule } from '../../platform/module';
import { registerPatientMergeHandler } from '../patients';
import { moveConsultationsToPatient } from './consultation.queries';
import './consultation.table';
import { registerConsultationRoutes } from './consultation.routes';
import { consultationsDataListSection } from './data-list-section';
import { registerConsultationFiguresRoutes } from './figures.routes';

/**
 * The home-care consultation desk (在宅療養相談, MISSION.md items 3 and 9): each 包括 centre's
 * window records the people consulted about (実数) and every contact (延数), with the 制度のはざま
 * flags and where a consultation was routed. Records are seen only by the window's own staff.
 */
export const consultationsModule: ServerModule = {
  name: 'consultations',
  async register(app, deps) {
    // A ward admin's merge of a duplicate patient: the linked consultations follow the record kept.
    registerPatientMergeHandler('consultations', (trx, merge) =>
      moveConsultationsToPatient(trx, merge.fromId, merge.intoId),
    );
    // The desk's year totals in the council's data list (/council), without the council importing this module.
    registerDataListSection(consultationsDataListSection);
    await registerConsultationRoutes(app, deps);
    await registerConsultationFiguresRoutes(app, deps);
  },
};

// The year's ward-wide totals (what the data-list section shows), for any module that needs them.
export { type ConsultationYearTotals, consultationYearTotals } from './figures.service';
