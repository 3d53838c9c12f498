import '../../../contracts/consultations';
import type { ServerModule } from '../../platform/module';
import { registerPatientMergeHandler } from '../patients';
import { moveConsultationsToPatient } from './consultation.queries';
import './consultation.table';
import { registerConsultationRoutes } from './consultation.routes';
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
    await registerConsultationRoutes(app, deps);
    await registerConsultationFiguresRoutes(app, deps);
  },
};

// For the council's data list (another module will read the year's totals through this).
export { type ConsultationYearTotals, consultationYearTotals } from './figures.service';
