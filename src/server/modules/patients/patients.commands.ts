import { sealAccessLog, verifyAccessLog } from '../../platform/access-log/access-log.seal';
import type { CliCommand } from '../../platform/cli-command';
import { withDatabase } from '../../platform/db/with-database';

const out = (line: string) => process.stdout.write(`${line}\n`);
const USAGE = 'zaitaku access-log seal | verify';

export const patientsCommands: CliCommand[] = [
  {
    name: 'access-log',
    summary: 'アクセス記録を封印・検証する / seal or verify the patient-data access log',
    usage: USAGE,
    async run(args, config) {
      const [sub] = args;
      if (sub === 'seal') {
        const result = await withDatabase(config, ({ db }) => sealAccessLog(db));
        out(
          !('toId' in result)
            ? '封印する新しい記録はありません / nothing new to seal'
            : `封印しました / sealed ${result.sealed} rows (${result.fromId + 1}–${result.toId}) ${result.hash}`,
        );
        return 0;
      }
      if (sub === 'verify') {
        const result = await withDatabase(config, ({ db }) => verifyAccessLog(db));
        out(JSON.stringify(result));
        if (!result.ok) {
          process.stderr.write(
            'アクセス記録が封印後に変更されています / the access log was changed after sealing\n',
          );
          return 1;
        }
        return 0;
      }
      process.stderr.write(`使い方 / usage: ${USAGE}\n`);
      return 2;
    },
  },
];
