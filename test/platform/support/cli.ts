import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

/**
 * Names of the variables the configuration reads, taken from src/server/platform/config.ts itself
 * so that a variable added there is covered here (and by the README check) without a second list.
 */
export function configVariableNames(): string[] {
  const source = readFileSync('src/server/platform/config.ts', 'utf8');
  const body = source.slice(source.indexOf('const ConfigSchema'), source.indexOf('export type Config'));
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
}

/** The environment of a child CLI: the test's own variables and nothing inherited that configures Zaitaku. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // BASE_URL is among them, and Vite sets it to "/" inside the test runner.
  for (const name of configVariableNames()) delete env[name];
  return { ...env, LOG_LEVEL: 'silent', PASSWORD_SCRYPT_LOG_N: '12', SEED_DEMO: 'never', ...extra };
}

export type CliResult = { status: number | null; stdout: string; stderr: string };

/** Runs `node bin/zaitaku.mjs …` to completion (killed after `timeoutMs`). */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<CliResult> {
  const child = spawn(process.execPath, ['bin/zaitaku.mjs', ...args], { env: cliEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [status] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { status, stdout, stderr };
}

export type ServeProcess = {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends the signal and resolves with the exit code (or the signal's name). */
  stop(signal: NodeJS.Signals): Promise<number | string>;
};

/** Starts `zaitaku serve` in its own process and waits until it prints its URL. */
export async function startServe(env: Record<string, string>, timeoutMs = 90_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/zaitaku.mjs', 'serve'], { env: cliEnv({ PORT: '0', ...env }) });
  let output = '';
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Zaitaku is running: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before starting:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    stop: async (signal) => {
      child.kill(signal);
      const [code, by] = await exited;
      return code ?? by ?? 'unknown';
    },
  };
}
