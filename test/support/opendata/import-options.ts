import type { ImportInput } from '../../../src/server/modules/opendata/import/import.service';
import { type RequestContext, systemContext } from '../../../src/server/platform/context';

/** Who a test import is: the system named `test`, as the CLI is `cli` (its audit and history name it). */
export const importContext = (municipalityCode = '131105'): RequestContext =>
  systemContext('test', municipalityCode);

/** The input of a test import: committed, no editor overwrite; `extra` changes any of it. */
export const importInput = (
  bytes: Uint8Array,
  fileName: string,
  extra: Partial<Omit<ImportInput, 'bytes' | 'fileName'>> = {},
): ImportInput => ({
  bytes,
  fileName,
  dryRun: false,
  overwriteEditorEdits: false,
  ...extra,
});
