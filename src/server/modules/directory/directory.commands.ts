import { parseArgs } from 'node:util';
import '../../../contracts/directory';
import type { CliCommand } from '../../platform/cli-command';
import { systemContext } from '../../platform/context';
import { withDatabase } from '../../platform/db/with-database';
import { remindStaleFacilities } from './reminder.service';

const out = (line: string) => process.stdout.write(`${line}\n`);
const USAGE = 'zaitaku directory remind [--municipality 131105] [--dry-run]';

export const directoryCommands: CliCommand[] = [
  {
    name: 'directory',
    summary: '掲載内容の確認依頼メールを送る / mail facilities whose entries are unconfirmed for 12 months',
    usage: USAGE,
    async run(args, config) {
      const [sub, ...rest] = args;
      const { values } = parseArgs({
        args: rest,
        options: { municipality: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      });
      if (sub !== 'remind') {
        process.stderr.write(`使い方 / usage: ${USAGE}\n`);
        return 2;
      }
      return withDatabase(config, async ({ db }) => {
        const municipalityCode = values.municipality ?? config.DEFAULT_MUNICIPALITY;
        const result = await remindStaleFacilities(
          { db },
          systemContext('zaitaku directory remind', municipalityCode),
          {
            baseUrl: config.BASE_URL ?? `http://localhost:${config.PORT}`,
            dryRun: values['dry-run'] === true,
          },
        );
        out(
          `確認依頼 / reminders: 対象 ${result.facilities} 施設、メール ${result.mailsQueued} 通を送信待ちに追加、メールアドレスなし ${result.skippedWithoutEmail} 施設${values['dry-run'] ? '（試行のみ / dry run）' : ''}`,
        );
        out(JSON.stringify(result));
        return 0;
      });
    },
  },
];
