import '../../../contracts/discharge';
import type { ServerModule } from '../../platform/module';
import { registerPatientSection } from '../patients';
import './case-notice.table';
import './discharge-case.table';
import './provider-change.table';
import { seedDischargeDemo } from './demo.seed';
import { registerDischargeRoutes } from './discharge.routes';
import { registerFiguresRoutes } from './figures.routes';
import { loadCasesSection, loadChangesSection } from './patient-section';
import { registerProviderChangeRoutes } from './provider-change.routes';

/**
 * Discharge coordination (退院支援) and the continuity-of-care gate (issue 14 items 4, 5, 8):
 * cases with checklist, tasks and timeline; provider changes that cannot be confirmed before the
 * family's consent and the incumbent's answer (or escalation); the notices that tell them.
 */
export const dischargeModule: ServerModule = {
  name: 'discharge',
  async register(app, deps) {
    registerPatientSection('cases', loadCasesSection);
    registerPatientSection('providerChanges', loadChangesSection);
    await registerDischargeRoutes(app, deps);
    await registerProviderChangeRoutes(app, deps);
    await registerFiguresRoutes(app, deps);
  },
  seedDemo: seedDischargeDemo,
};

export { escalateDue } from './escalation.service';
