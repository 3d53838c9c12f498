import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runLoad } from './load';
import type { BenchContext, BenchScenario, BenchSettings, Engine } from './scenario';
import { ServerFactory } from './servers';

const benchDir = dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `usage: npm run bench -- [--scenario NAME]… [--engine pglite|postgres]… [--runs N] [--duration S]
                      [--connections C] [--quick] [--scale F]
  Prints one JSON object on stdout and writes bench-results/latest.json.`;

/** Parses the command line; throws with the usage on anything unknown. */
export function parseArgs(args: string[]): BenchSettings & { scenarios: string[] } {
  const settings = {
    runs: 3,
    durationSeconds: 5,
    connections: 10,
    engines: [] as Engine[],
    scenarios: [] as string[],
    scale: 1,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    const count = (v: string, max: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${arg}: expected 1–${max}\n${USAGE}`);
      return n;
    };
    if (arg === '--scenario') settings.scenarios.push(value());
    else if (arg === '--engine') {
      const engine = value();
      if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`unknown engine ${engine}\n${USAGE}`);
      settings.engines.push(engine);
    } else if (arg === '--runs') settings.runs = count(value(), 20);
    else if (arg === '--duration') settings.durationSeconds = count(value(), 120);
    else if (arg === '--connections') settings.connections = count(value(), 500);
    else if (arg === '--quick') Object.assign(settings, { runs: 1, durationSeconds: 2 });
    else if (arg === '--scale') {
      const scale = Number(value());
      if (!(scale > 0 && scale <= 1)) throw new Error(`--scale: expected 0 < F ≤ 1\n${USAGE}`);
      settings.scale = scale;
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (settings.engines.length === 0) settings.engines = ['pglite', 'postgres'];
  return settings;
}

/** Every scenario file in bench/scenarios, in name order. */
async function loadScenarios(): Promise<BenchScenario[]> {
  const files = readdirSync(join(benchDir, 'scenarios'))
    .filter((f) => /^[a-z0-9-]+\.ts$/.test(f))
    .sort();
  const scenarios: BenchScenario[] = [];
  for (const file of files) {
    const loaded = (await import(pathToFileURL(join(benchDir, 'scenarios', file)).href)) as {
      scenario?: BenchScenario;
    };
    if (!loaded.scenario) throw new Error(`bench/scenarios/${file} exports no \`scenario\``);
    scenarios.push(loaded.scenario);
  }
  return scenarios;
}

/** Runs the scenarios one after another; a failing scenario is reported, the others still run. */
async function runScenarios(chosen: BenchScenario[], ctx: BenchContext) {
  const issues: Record<string, Record<string, unknown>> = {};
  let failed = false;
  for (const scenario of chosen) {
    log(`issue ${scenario.issue} · ${scenario.name}: ${scenario.summary}`);
    const t0 = Date.now();
    let figures: Record<string, unknown>;
    try {
      figures = { ...(await scenario.run(ctx)), seconds: Math.round((Date.now() - t0) / 1000) };
    } catch (error) {
      failed = true;
      log(`  failed: ${(error as Error).stack ?? error}`);
      figures = { error: (error as Error).message };
    }
    issues[String(scenario.issue)] ??= {};
    issues[String(scenario.issue)]![scenario.name] = figures;
  }
  return { issues, failed };
}

function describeMachine() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

/** Entry of `npm run bench`: exit 0 when every scenario ran, 1 when one failed, 2 on bad options. */
export async function main(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
  } catch (error) {
    log((error as Error).message);
    return 2;
  }
  const { scenarios: wanted, ...settings } = options;
  const all = await loadScenarios();
  const unknown = wanted.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    log(`unknown scenario: ${unknown.join(', ')} (have: ${all.map((s) => s.name).join(', ')})`);
    return 2;
  }
  const chosen = wanted.length > 0 ? all.filter((s) => wanted.includes(s.name)) : all;
  const servers = new ServerFactory(log);
  const ctx: BenchContext = { settings, startServer: (e, env) => servers.start(e, env), load: runLoad, log };
  const started = Date.now();
  let outcome: Awaited<ReturnType<typeof runScenarios>>;
  try {
    outcome = await runScenarios(chosen, ctx);
  } finally {
    await servers.close();
  }
  const report = {
    generatedAt: new Date().toISOString(),
    machine: describeMachine(),
    settings: {
      ...settings,
      note: 'figures are medians over the runs; latencies in ms; servers in-process on 127.0.0.1; PostgreSQL is a throwaway cluster with fsync off',
    },
    seconds: Math.round((Date.now() - started) / 1000),
    issues: outcome.issues,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'latest.json'), text);
  process.stdout.write(text);
  return outcome.failed ? 1 : 0;
}
