import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../test/support/api-client';
import { demoTestUser } from '../../../../test/support/demo-users';
import { createMeguro } from '../../../../test/support/factories/directory';
import { createTestApp } from '../../../../test/support/test-app';
import type { PatientDetail, PatientList } from '../../../contracts/patients';
import { seedAccountsDemo } from '../accounts/demo.seed';
import { seedPatientsDemo } from './demo.seed';

const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
afterAll(async () => t.close());
const api = createApiClient(t.app);
const quiet = () => undefined;

await createMeguro(t.db);
await seedAccountsDemo(t.deps, '131105', quiet);
await seedPatientsDemo(t.deps, '131105', quiet);

const demoUser = (email: string) => demoTestUser(t.db, email);

const visibleNames = async (email: string) => {
  const res = await api.as(await demoUser(email)).get<PatientList>('/api/patients');
  expect(res.status).toBe(200);
  return res.body.items.map((p) => p.name).sort();
};

describe('the patients demo', () => {
  it('gives each demo account its own fictional patients, and the admin none without break-glass', async () => {
    expect(await visibleNames('hospital@demo.zaitaku.jp')).toEqual(
      ['見本 一郎', '見本 春子', '見本 秋子', '見本 桜', '見本 梅子'].sort(),
    );
    expect(await visibleNames('clinician@demo.zaitaku.jp')).toEqual(
      ['見本 一郎', '見本 春子', '見本 夏男', '見本 桜', '見本 竹男'].sort(),
    );
    expect(await visibleNames('caremanager@demo.zaitaku.jp')).toEqual(
      ['見本 一郎', '見本 夏男', '見本 秋子', '見本 冬彦'].sort(),
    );
    expect(await visibleNames('center@demo.zaitaku.jp')).toEqual(
      ['見本 一郎', '見本 秋子', '見本 冬彦', '見本 梅子'].sort(),
    );
    expect(await visibleNames('admin@demo.zaitaku.jp')).toEqual([]);
    // The dental association's desk is in no circle: referrals grant it their minimum data only.
    expect(await visibleNames('dentaldesk@demo.zaitaku.jp')).toEqual([]);
  });

  it('marks every demo patient fictional, and seeding twice adds nothing', async () => {
    await seedPatientsDemo(t.deps, '131105', quiet);
    const rows = await t.db.selectFrom('patients').select(['fictional']).execute();
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.fictional)).toBe(true);
    const hospital = await demoUser('hospital@demo.zaitaku.jp');
    const list = await api.as(hospital).get<PatientList>('/api/patients?kana=いちろう');
    expect(list.body.items.map((p) => p.name)).toEqual(['見本 一郎']);
    const page = await api.as(hospital).get<PatientDetail>(`/api/patients/${list.body.items[0]?.id}`);
    expect(page.body.circle.map((m) => m.role).sort()).toEqual(
      ['admitting_hospital', 'care_manager', 'family_doctor', 'support_center'].sort(),
    );
  });
});
