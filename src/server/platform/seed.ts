import { readInstallationSetting, writeInstallationSetting } from './installation-settings.queries';
import type { ModuleDeps, ServerModule } from './module';
import { insertMunicipality } from './municipality.queries';

/**
 * Seeds the demo municipality (目黒区, 131105) on first run: `auto` seeds only into an empty
 * installation, `always` re-runs the modules' (idempotent) seeders, `never` leaves it empty.
 */
export async function seedDemo(
  deps: ModuleDeps,
  modules: ServerModule[],
  options: { mode: 'auto' | 'always' | 'never'; print: (line: string) => void; municipalityCode?: string },
): Promise<boolean> {
  if (options.mode === 'never') return false;
  const done = await readInstallationSetting(deps.db, 'demo_seeded');
  if (options.mode === 'auto' && done !== undefined) return false;
  const code = options.municipalityCode ?? deps.config.DEFAULT_MUNICIPALITY;
  options.print(`デモデータを作成しています（${code}）… / seeding demo data…`);
  await insertMunicipality(deps.db, {
    code: '131105',
    name: '目黒区',
    nameKana: 'めぐろく',
    nameEn: 'Meguro City',
    prefecture: '東京都',
  });
  for (const module of modules) {
    if (module.seedDemo) await module.seedDemo(deps, code, options.print);
  }
  await writeInstallationSetting(deps.db, 'demo_seeded', { at: new Date().toISOString() });
  return true;
}
