import type { ModuleDeps } from '../../platform/module';

/** Fictional patients of the demo (filled in below). */
export async function seedPatientsDemo(
  _deps: ModuleDeps,
  _municipalityCode: string,
  _log: (line: string) => void,
) {}
