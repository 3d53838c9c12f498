import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from './support/cli';

describe('the zaitaku command without a database', () => {
  it('lists its commands with `npx zaitaku help`, as the README says', async () => {
    const child = spawn('npx', ['zaitaku', 'help'], { env: cliEnv({}) });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const [status] = await once(child, 'close');
    expect(status).toBe(0);
    expect(stdout).toContain('使い方 / usage: zaitaku <command>');
    for (const command of [
      'serve',
      'migrate',
      'seed',
      'audit verify',
      'backup --out FILE',
      'restore --in FILE',
    ]) {
      expect(stdout).toContain(`zaitaku ${command}`);
    }
  });

  it('refuses an unknown command with exit status 2 and the list of commands', async () => {
    const result = await runCli(['frobnicate'], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command: frobnicate');
    expect(result.stdout).toContain('zaitaku migrate');
  });
});
