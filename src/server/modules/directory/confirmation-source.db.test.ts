import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createSignedInUser,
  type TestSession,
} from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { importContext, importInput } from '../../../../test/support/opendata/import-options';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import type { FacilityDetail, FacilitySearchResponse } from '../../../contracts/directory';
import { importOpenData } from '../opendata';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/opendata');
const OLD = new Date('2025-01-10T00:00:00Z');
const RECENT = new Date(Date.now() - 30 * 86_400_000);

describe('who confirmed what, and when (issue 13 §1)', () => {
  let t: TestApp;
  let meguro: string;
  let editor: TestSession;
  let admin: TestSession;
  let station: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    meguro = await createMeguro(t.db);
    station = await createTestFacility(t.db, {
      type: 'visiting_nurse_station',
      name: 'ひかり訪問看護ステーション',
      capabilities: ['end_of_life', 'round_the_clock'],
      confirmedAt: { end_of_life: OLD, round_the_clock: RECENT },
    });
    const org = await createOrganisation(t.db, {
      municipalityCode: meguro,
      kind: 'visiting_nurse_station',
      facilityId: station.id,
    });
    editor = (await createSignedInUser(t.db, { role: 'facility_editor', organisationId: org.id })).session;
    admin = (await createSignedInUser(t.db, { role: 'ward_admin' })).session;
  });
  afterAll(async () => {
    await t?.close();
  });

  const detail = async (id: string): Promise<FacilityDetail> =>
    (await t.app.inject({ method: 'GET', url: `/api/public/facilities/${id}` })).json();
  const search = async (query: string): Promise<FacilitySearchResponse> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/public/facilities?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const capability = (d: FacilityDetail, code: string) => d.capabilities.find((c) => c.code === code);

  it('re-dates only the capability an approved change added, and says the facility confirmed it', async () => {
    const before = await detail(station.id);
    const proposal = await t.app.inject({
      method: 'POST',
      url: `/api/directory/facilities/${station.id}/change-requests`,
      headers: editor.headers,
      payload: {
        baseVersion: before.version,
        changes: { capabilities: ['end_of_life', 'round_the_clock', 'palliative'] },
      },
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/directory/change-requests/${proposal.json().id}/decision`,
      headers: admin.headers,
      payload: { decision: 'approve' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await detail(station.id);
    expect(capability(after, 'end_of_life')?.confirmedAt).toBe(OLD.toISOString());
    expect(capability(after, 'end_of_life')?.stale).toBe(true);
    expect(capability(after, 'round_the_clock')?.confirmedAt).toBe(RECENT.toISOString());
    expect(capability(after, 'palliative')).toMatchObject({ confirmedBy: 'facility', stale: false });
    expect(Date.parse(capability(after, 'palliative')!.confirmedAt)).toBeGreaterThan(RECENT.getTime());
    // Only capabilities changed: the basic data keeps its confirmation.
    expect(after.lastConfirmedAt).toBe(before.lastConfirmedAt);
    expect(after.lastConfirmedBy).toBe(before.lastConfirmedBy);
  });

  it('records a staff edit as the ward confirming the basic data', async () => {
    const before = await detail(station.id);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/directory/facilities/${station.id}`,
      headers: admin.headers,
      payload: { version: before.version, changes: { phone: '03-5555-0101' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await detail(station.id);
    expect(after.lastConfirmedBy).toBe('ward');
    expect(after.lastConfirmedFile).toBeNull();
    expect(capability(after, 'end_of_life')?.confirmedAt).toBe(OLD.toISOString());
  });

  it("records the editor's 「内容に変更はありません」 as the facility confirming everything", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/directory/facilities/${station.id}/confirm`,
      headers: editor.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await detail(station.id);
    expect(after.lastConfirmedBy).toBe('facility');
    expect(after.capabilities.every((c) => c.confirmedBy === 'facility' && !c.stale)).toBe(true);
  });

  it('shows per asked-for capability its confirmation in the search results', async () => {
    const { items } = await search('capability=round_the_clock&capability=palliative');
    const item = items.find((i) => i.id === station.id);
    expect(item?.confirmations.map((c) => c.code)).toEqual(['palliative', 'round_the_clock']);
    expect(item?.confirmations.every((c) => c.confirmedBy === 'facility')).toBe(true);
    const plain = await search('q=ひかり');
    expect(plain.items.find((i) => i.id === station.id)?.confirmations).toEqual([]);
  });

  it('does not count a confirmation known only from an open-data file as fresh', async () => {
    const filed = await createTestFacility(t.db, {
      type: 'visiting_nurse_station',
      name: 'ファイル訪問看護ステーション',
      capabilities: ['psychiatric_nursing'],
    });
    await t.db
      .updateTable('facility_capabilities')
      .set({ confirmed_by: 'open_data', confirmed_file: 'nurse.csv' })
      .where('facility_id', '=', filed.id)
      .execute();
    const all = await search('capability=psychiatric_nursing');
    expect(all.items.map((i) => i.id)).toContain(filed.id);
    const fresh = await search('capability=psychiatric_nursing&excludeStale=true');
    expect(fresh.items.map((i) => i.id)).not.toContain(filed.id);
    expect(capability(await detail(filed.id), 'psychiatric_nursing')).toMatchObject({
      confirmedBy: 'open_data',
      confirmedFile: 'nurse.csv',
      stale: true,
    });
  });

  it("says an imported facility's data comes from the named file, also after a re-import", async () => {
    const csv = readFileSync(join(FIXTURES, 'medical-standard.csv'), 'utf8');
    await importOpenData(t, importContext(), importInput(Buffer.from(csv), '131105_medical_2026-04.csv'));
    const row = await t.db
      .selectFrom('facilities')
      .select('id')
      .where('medical_institution_code', '=', '1310000001')
      .executeTakeFirstOrThrow();
    expect(await detail(row.id)).toMatchObject({
      lastConfirmedBy: 'open_data',
      lastConfirmedFile: '131105_medical_2026-04.csv',
    });
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/directory/facilities/${row.id}`,
      headers: admin.headers,
      payload: { version: (await detail(row.id)).version, changes: { fax: '03-0000-0000' } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await detail(row.id)).lastConfirmedBy).toBe('ward');
    await importOpenData(
      t,
      importContext(),
      importInput(Buffer.from(csv.replace('03-3711-0001', '03-3711-0009')), '131105_medical_2026-05.csv'),
    );
    expect(await detail(row.id)).toMatchObject({
      phone: '03-3711-0009',
      lastConfirmedBy: 'open_data',
      lastConfirmedFile: '131105_medical_2026-05.csv',
    });
  });
});
