#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx zaitaku …` works without a build step.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { main } = await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
const code = await main(process.argv.slice(2));
if (process.argv[2] !== 'serve') process.exit(code);
process.exitCode = code;
