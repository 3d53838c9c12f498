import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMunicipality,
  createSignedInUser,
  MUNICIPALITIES,
  type TestSession,
} from '../../../../test/support/factories/accounts';
import { createMeguro, createTestFacility } from '../../../../test/support/factories/directory';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('view statistics', () => {
  let t: TestApp;
  let facility: { id: string };
  let admin: TestSession;
  let foreignAdmin: TestSession;
  let editor: TestSession;

  // Each call is a new visitor (its own address) unless the test names one: the beacon counts the
  // same event from the same visitor once.
  let visitors = 0;
  const beacon = (payload: Record<string, unknown>, userAgent?: string, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/events',
      headers: userAgent === undefined ? {} : { 'user-agent': userAgent },
      remoteAddress: remoteAddress ?? `198.51.100.${++visitors % 250}`,
      payload,
    });
  const viewsToday = async (facilityId: string) => {
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const row = await t.db
      .selectFrom('directory_daily_views')
      .select('views')
      .where('facility_id', '=', facilityId)
      .where('day', '=', today)
      .executeTakeFirst();
    return row?.views ?? 0;
  };
  const get = (session: TestSession | undefined, url: string) =>
    t.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });

  beforeAll(async () => {
    t = await createTestApp();
    await createMeguro(t.db);
    facility = await createTestFacility(t.db, { name: '統計テスト診療所' });
    admin = (await createSignedInUser(t.db, { role: 'ward_admin' })).session;
    editor = (await createSignedInUser(t.db, { role: 'facility_editor' })).session;
    const sapporo = await createMunicipality(t.db, MUNICIPALITIES.sapporo);
    foreignAdmin = (await createSignedInUser(t.db, { role: 'ward_admin', municipalityCode: sapporo }))
      .session;
    // History across fiscal-year boundaries, written as the beacon would have on those days.
    const past: Array<[string, number]> = [
      ['2019-04-15', 2],
      ['2024-03-31', 5],
      ['2024-04-01', 7],
    ];
    for (const [day, views] of past) {
      await t.db
        .insertInto('directory_daily_views')
        .values({ municipality_code: '131105', day, facility_id: facility.id, views })
        .execute();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts facility page views from browsers and ignores bots and missing user agents', async () => {
    const view = { kind: 'facility_view', facilityId: facility.id };
    for (let i = 0; i < 3; i++) expect((await beacon(view, BROWSER)).statusCode).toBe(204);
    await beacon(view, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await beacon(view, 'curl/8.4.0');
    await beacon(view, '');
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const row = await t.db
      .selectFrom('directory_daily_views')
      .select('views')
      .where('facility_id', '=', facility.id)
      .where('day', '=', today)
      .executeTakeFirst();
    expect(row?.views).toBe(3);
  });

  it('counts searches with their filters, and zero-result searches by district and capability', async () => {
    for (let i = 0; i < 3; i++) {
      await beacon({ kind: 'search', q: '歯科', resultCount: 5 }, BROWSER);
    }
    await beacon({ kind: 'search', q: 'ｼｶ', resultCount: 5 }, BROWSER);
    for (let i = 0; i < 2; i++) {
      await beacon(
        { kind: 'search', q: '往診', district: 'south', capabilities: ['house_call'], resultCount: 0 },
        BROWSER,
      );
    }
    await beacon({ kind: 'search', q: 'まれな語', resultCount: 0 }, BROWSER);
    await beacon({ kind: 'search', q: '歯科', resultCount: 5 }, 'python-requests/2.31');
    const top = (await get(admin, '/api/directory/stats/searches')).json();
    expect(top.rows).toEqual([{ query: '歯科', count: 3, zeroResults: 0 }]);
    const zero = (await get(admin, '/api/directory/stats/zero-results')).json();
    expect(zero.byDistrict).toEqual([
      { district: 'south', name: '南部', count: 2 },
      { district: null, name: '地区の指定なし', count: 1 },
    ]);
    expect(zero.byCapability).toEqual([{ capability: 'house_call', name: '往診', count: 2 }]);
  });

  it('refuses a malformed beacon', async () => {
    const response = await beacon({ kind: 'facility_view', facilityId: 'nope' }, BROWSER);
    expect(response.statusCode).toBe(400);
  });

  it('groups views by fiscal year, April to March, labelled 令和N年度', async () => {
    const response = await get(admin, '/api/directory/stats/views?period=fiscal_year&to=2025-03-31');
    expect(response.statusCode).toBe(200);
    const rows = response.json().rows as Array<{ key: string; label: string; facilityViews: number }>;
    expect(rows.map((r) => [r.key, r.label, r.facilityViews])).toEqual([
      ['2019', '令和元年度', 2],
      ['2020', '令和2年度', 0],
      ['2021', '令和3年度', 0],
      ['2022', '令和4年度', 0],
      ['2023', '令和5年度', 5],
      ['2024', '令和6年度', 7],
    ]);
  });

  it('lists views per month within a range', async () => {
    const response = await get(
      admin,
      '/api/directory/stats/views?period=month&from=2024-03-01&to=2024-04-30',
    );
    expect(response.json()).toEqual({
      period: 'month',
      rows: [
        { key: '2024-03', label: '令和6年3月', facilityViews: 5, searches: 0 },
        { key: '2024-04', label: '令和6年4月', facilityViews: 7, searches: 0 },
      ],
      total: { facilityViews: 12, searches: 0 },
    });
  });

  it('lists views per facility', async () => {
    const rows = (await get(admin, '/api/directory/stats/facilities')).json().rows;
    expect(rows).toEqual([{ facilityId: facility.id, name: '統計テスト診療所', type: 'clinic', views: 17 }]);
  });

  it('exports CSV with a BOM and CRLF, and xlsx', async () => {
    const csv = await get(
      admin,
      '/api/directory/stats/export?report=views_fiscal_year&format=csv&to=2025-03-31',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="directory-views_fiscal_year-/);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['年度,施設ページ閲覧数,検索数', '令和元年度,2,0']);
    const xlsx = await get(admin, '/api/directory/stats/export?report=facilities&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([undefined, facility.id, '統計テスト診療所', '診療所', 17]);
  });

  it('shows the dashboard to the ward admin of the municipality only', async () => {
    expect((await get(undefined, '/api/directory/stats/views')).statusCode).toBe(401);
    expect((await get(editor, '/api/directory/stats/views')).statusCode).toBe(403);
    const foreign = (await get(foreignAdmin, '/api/directory/stats/views')).json();
    expect(foreign.total).toEqual({ facilityViews: 0, searches: 0 });
  });

  // Last: its views would change the per-facility lists the tests above read.
  it('counts a visitor reloading the same page once, and stops counting a flooding address', async () => {
    const other = await createTestFacility(t.db, { name: '水増し対策テスト診療所' });
    const view = { kind: 'facility_view', facilityId: other.id };
    for (let i = 0; i < 5; i++) expect((await beacon(view, BROWSER, '203.0.113.7')).statusCode).toBe(204);
    expect(await viewsToday(other.id)).toBe(1);
    // Another browser at the same address (a family's shared line) is another visitor.
    await beacon(view, `${BROWSER} Edg/126.0`, '203.0.113.7');
    expect(await viewsToday(other.id)).toBe(2);
    // A script that varies its user agent is still one address: 60 events per 10 minutes at most.
    for (let i = 0; i < 100; i++) await beacon(view, `${BROWSER} run/${i}`, '203.0.113.99');
    expect(await viewsToday(other.id)).toBe(2 + 60);
  });
});
