import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app';
import { readInstallationSetting, writeInstallationSetting } from './installation-settings.queries';
import type { ServerModule } from './module';
import { seedDemo } from './seed';

const t = await createTestApp();
afterAll(async () => t.close());

describe('installation settings', () => {
  it('reads nothing for a key never written, then the latest value written', async () => {
    expect(await readInstallationSetting(t.db, 'demo_banner')).toBeUndefined();
    await writeInstallationSetting(t.db, 'demo_banner', ['一行目', 'line 2']);
    await writeInstallationSetting(t.db, 'demo_banner', ['二行目']);
    expect(await readInstallationSetting<string[]>(t.db, 'demo_banner')).toEqual(['二行目']);
  });

  it('lets `auto` seed the demo once: the second start finds it seeded and seeds nothing', async () => {
    let seeded = 0;
    const counting: ServerModule = {
      name: 'counting',
      register: async () => undefined,
      seedDemo: async () => void seeded++,
    };
    const print = () => undefined;
    expect(await seedDemo(t.deps, [counting], { mode: 'auto', print })).toBe(true);
    expect(await seedDemo(t.deps, [counting], { mode: 'auto', print })).toBe(false);
    expect(seeded).toBe(1);
    expect(await readInstallationSetting<{ at: string }>(t.db, 'demo_seeded')).toHaveProperty('at');
    expect(await seedDemo(t.deps, [counting], { mode: 'always', print })).toBe(true);
    expect(seeded).toBe(2);
  });
});
