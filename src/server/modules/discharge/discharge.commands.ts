import type { CliCommand } from '../../platform/cli-command';
import { withDatabase } from '../../platform/db/with-database';
import { clock } from '../../platform/time/clock';
import { escalateDue } from './escalation.service';

/** `zaitaku discharge escalate`: the sweep the job scheduler will run; safe to run any time, twice. */
export const dischargeCommands: CliCommand[] = [
  {
    name: 'discharge',
    summary: 'discharge coordination: escalate provider changes whose incumbent did not answer in time',
    usage: 'zaitaku discharge escalate',
    async run(args, config) {
      if (args[0] !== 'escalate') {
        process.stderr.write('usage: zaitaku discharge escalate\n');
        return 2;
      }
      return withDatabase(config, async (deps) => {
        const { escalated } = await escalateDue(deps, clock.now());
        process.stdout.write(`${JSON.stringify({ escalated })}\n`);
        return 0;
      });
    },
  },
];
