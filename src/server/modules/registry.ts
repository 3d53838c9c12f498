import type { ServerModule } from '../platform/module';
import { accountsModule } from './accounts';
import { directoryModule } from './directory';
import { dischargeModule } from './discharge';
import { opendataModule } from './opendata';
import { patientsModule } from './patients';

/**
 * Every module the server mounts, in dependency order (seeding follows this order too).
 * Add a module here with one line.
 */
export const serverModules: ServerModule[] = [
  accountsModule,
  directoryModule,
  opendataModule,
  patientsModule,
  // after patients: its demo seeds cases for the demo patients
  dischargeModule,
];
