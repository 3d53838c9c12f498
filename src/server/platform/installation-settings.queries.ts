import type { Executor } from './db/schema';
import './installation-settings.table';

/** The known keys: a typo in a key would silently read nothing, so they are a closed list. */
export type InstallationSettingKey = 'demo_seeded' | 'demo_banner';

/** The value stored under `key`, or undefined when it was never written. */
export async function readInstallationSetting<T>(
  db: Executor,
  key: InstallationSettingKey,
): Promise<T | undefined> {
  const row = await db
    .selectFrom('installation_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (row.value as T) : undefined;
}

/** Writes `value` under `key`, replacing what was there. */
export async function writeInstallationSetting(
  db: Executor,
  key: InstallationSettingKey,
  value: unknown,
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('installation_settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: json, updated_at: eb.fn('now') })))
    .execute();
}
