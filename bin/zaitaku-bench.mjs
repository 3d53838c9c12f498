#!/usr/bin/env node
// `npm run bench`: runs the benchmark scenarios (bench/scenarios/*.ts) through tsx and prints one
// JSON object on stdout (also written to bench-results/latest.json). Progress goes to stderr.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { main } = await import(pathToFileURL(join(root, 'bench/run.ts')).href);
process.exit(await main(process.argv.slice(2)));
