import type { ModuleDeps } from '../../platform/module';

/** The discharge demo: cases in several states for the demo hospital, notices for the demo doctor. */
export async function seedDischargeDemo(
  _deps: ModuleDeps,
  _municipalityCode: string,
  _log: (line: string) => void,
): Promise<void> {}
