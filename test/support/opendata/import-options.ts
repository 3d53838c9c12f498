import type { ImportOptions } from '../../../src/server/modules/opendata/import/import.service';

/** Options of a test import: committed, no editor overwrite, a test actor; `extra` changes any of it. */
export const importOptions = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  fileName,
  dryRun: false,
  overwriteEditorEdits: false,
  actor: { userId: null, label: 'test' },
  ...extra,
});
