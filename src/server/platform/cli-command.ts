import type { Config } from './config';

/** A CLI subcommand. Commands live in their module and are listed in src/cli/registry.ts. */
export type CliCommand = {
  name: string;
  /** One line for `zaitaku help`. */
  summary: string;
  usage: string;
  run(args: string[], config: Config): Promise<number>;
};
