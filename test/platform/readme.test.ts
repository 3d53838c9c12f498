import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliCommands } from '../../src/cli/registry';
import { configVariableNames } from './support/cli';

const readme = readFileSync('README.md', 'utf8');

describe('the README', () => {
  it('gives exactly the two quick-start commands of a fresh machine', () => {
    const blocks = [...readme.matchAll(/```sh\n([^`]*)```/g)].map((m) => m[1]!.trim());
    expect(blocks).toContain('npm ci && npm start');
    expect(blocks).toContain('npm ci && npm test');
    expect(readme.indexOf('npm ci && npm start')).toBeLessThan(readme.indexOf('# Zaitaku — English'));
  });

  it('documents every configuration variable in its table', () => {
    // Biome pads Markdown table cells, so allow any run of spaces after the name.
    const missing = configVariableNames().filter((name) => !new RegExp(`\\| \`${name}\` +\\|`).test(readme));
    expect(missing).toEqual([]);
  });

  it('documents every command of the CLI', () => {
    const missing = cliCommands.map((c) => c.name).filter((name) => !readme.includes(`\`${name}`));
    expect(missing).toEqual([]);
  });
});
