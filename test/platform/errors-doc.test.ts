import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS_DOC, renderErrorsDoc } from '../../scripts/gen-errors-doc';
import { listErrorCodes } from '../../src/contracts/error-codes';

describe('the error catalog and docs/errors.md', () => {
  it('keeps docs/errors.md in step with the catalog (run `npx tsx scripts/gen-errors-doc.ts` to refresh it)', async () => {
    const expected = await renderErrorsDoc();
    expect(readFileSync(ERRORS_DOC, 'utf8')).toBe(expected);
  });

  it('gives every code a status, a Japanese message and an English one', async () => {
    await renderErrorsDoc(); // loads every module's codes
    const codes = listErrorCodes();
    expect(codes.length).toBeGreaterThan(20);
    for (const [code, entry] of codes) {
      expect({ code, ok: /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(code) }).toEqual({ code, ok: true });
      expect({ code, status: entry.status >= 400 && entry.status <= 599 }).toEqual({ code, status: true });
      expect({ code, ja: /[\u3040-\u30ff\u4e00-\u9fff]/.test(entry.ja) }).toEqual({ code, ja: true });
      expect({ code, en: /^[A-Z`]/.test(entry.en) }).toEqual({ code, en: true });
    }
  });
});
