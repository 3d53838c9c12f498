import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * exceljs 4.4 brings deprecated packages (unzipper 0.10, fstream, rimraf 2, glob 7, inflight)
 * that only its streaming reader and writer call. Decision 023 keeps them because we use neither:
 * this test fails when code starts to, so the decision is revisited rather than silently voided.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe('dependencies', () => {
  it('never reaches the code paths of exceljs that use its deprecated dependencies', () => {
    const offending = sourceFiles('src').filter((file) => {
      const text = readFileSync(file, 'utf8');
      return (
        /\bstream\s*\.\s*xlsx\b|WorkbookReader|WorkbookWriter/.test(text) ||
        /from '(unzipper|fstream|rimraf|archiver|glob|inflight)'/.test(text)
      );
    });
    expect(offending).toEqual([]);
  });

  it('writes a CycloneDX SBOM of the production dependencies from the lockfile (npm run sbom)', () => {
    const text = execFileSync(
      'npm',
      ['sbom', '--package-lock-only', '--sbom-format', 'cyclonedx', '--omit', 'dev'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const sbom = JSON.parse(text) as { bomFormat: string; components: Array<{ name: string }> };
    expect(sbom.bomFormat).toBe('CycloneDX');
    const names = new Set(sbom.components.map((c) => c.name));
    for (const name of ['fastify', 'kysely', 'exceljs']) expect(names.has(name)).toBe(true);
    // Development tools are not shipped, so they are not in the release's bill of materials.
    expect(names.has('vitest')).toBe(false);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.sbom).toContain('cyclonedx');
  });
});
