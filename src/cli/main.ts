import { ConfigError, loadConfig } from '../server/platform/config';
import { MigrationFileError } from '../server/platform/db/migrate';
import { isAppError } from '../server/platform/errors';
import { cliCommands } from './registry';

function help(): void {
  process.stdout.write('使い方 / usage: zaitaku <command> [options]\n\n');
  for (const c of cliCommands) process.stdout.write(`  ${c.usage.padEnd(48)} ${c.summary}\n`);
}

/** Entry point of `npx zaitaku`: reads the same configuration as the server. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return 0;
  }
  const command = cliCommands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`不明なコマンドです / unknown command: ${name}\n`);
    help();
    return 2;
  }
  try {
    const config = loadConfig();
    return await command.run(args, config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationFileError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    if (isAppError(error)) {
      const hint = (error.details as { hint?: string } | undefined)?.hint;
      process.stderr.write(`${error.message}${hint ? `\n${hint}` : ''} [${error.code}]\n`);
      return 1;
    }
    throw error;
  }
}
