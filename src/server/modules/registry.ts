import { seedConsultationsDemo } from '../demo/consultations/demo-seed';
import { seedDirectoryDemo } from '../demo/directory/demo-seed';
import type { ServerModule } from '../platform/module';
import { accountsModule } from './accounts';
import { addressesModule } from './addresses';
import { consultationsModule } from './consultations';
import { councilModule } from './council';
import { directoryModule } from './directory';
import { dischargeModule } from './discharge';
import { documentsModule } from './documents';
import { opendataModule } from './opendata';
import { patientsModule } from './patients';

/**
 * Demo data is not production code: it lives in src/server/demo and is attached to its module here,
 * where the server is composed (no module's index.ts exports demo or test code).
 */
const directoryWithDemo: ServerModule = { ...directoryModule, seedDemo: seedDirectoryDemo };
const consultationsWithDemo: ServerModule = { ...consultationsModule, seedDemo: seedConsultationsDemo };

/**
 * Every module the server mounts, in dependency order (seeding follows this order too).
 * Add a module here with one line.
 */
export const serverModules: ServerModule[] = [
  accountsModule,
  directoryWithDemo,
  opendataModule,
  patientsModule,
  // after patients: its demo seeds cases for the demo patients
  dischargeModule,
  // after discharge: a 紹介状 asks the discharge module for the gate; its demo uses the demo cases
  documentsModule,
  // street addresses of the registry; the directory's geocode reads them through its index.ts
  addressesModule,
  // the 包括 windows' consultation desk; may link a consultation to a patient (after patients)
  consultationsWithDemo,
  // the council's data list: reads the sections the modules above registered (no import of them)
  councilModule,
];
