import { accountsCommands } from '../server/modules/accounts/accounts.commands';
import { addressesCommands } from '../server/modules/addresses/addresses.commands';
import { directoryCommands } from '../server/modules/directory/directory.commands';
import { dischargeCommands } from '../server/modules/discharge/discharge.commands';
import { opendataCommands } from '../server/modules/opendata/opendata.commands';
import { patientsCommands } from '../server/modules/patients/patients.commands';
import type { CliCommand } from '../server/platform/cli-command';
import { platformCommands } from './platform-commands';
import { securityCommands } from './security-commands';

/** Every CLI command. Modules add theirs with one line. */
export const cliCommands: CliCommand[] = [
  ...platformCommands,
  ...securityCommands,
  ...accountsCommands,
  ...directoryCommands,
  ...opendataCommands,
  ...patientsCommands,
  ...dischargeCommands,
  ...addressesCommands,
];
