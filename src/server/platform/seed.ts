import { sql } from 'kysely';
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
  const done = await sql<{
    n: number;
  }>`select count(*)::int as n from installation_settings where key = 'demo_seeded'`.execute(deps.db);
  if (options.mode === 'auto' && (done.rows[0]?.n ?? 0) > 0) return false;
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
  // Raw: installation_settings has no table interface (no installation-settings.table.ts) yet.
  await sql`
    insert into installation_settings (key, value) values ('demo_seeded', ${JSON.stringify({ at: new Date().toISOString() })}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(deps.db);
  return true;
}
