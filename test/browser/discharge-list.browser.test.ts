import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();
const PAGE = 50;

/** Every case of `filter=all` through the API the page uses, following nextCursor. */
async function allCases(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `filter=all&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await (await fetch(`/api/discharge-cases?${query}`)).json()) as {
        items: Array<{ patientName: string }>;
        nextCursor: string | null;
      };
      names.push(...body.items.map((c) => c.patientName));
      cursor = body.nextCursor;
    } while (cursor);
    return names;
  });
}

/** Opens `count` cases of new fictional patients as the signed-in hospital nurse. */
async function openCases(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken?: string };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const towns = (await (await fetch('/api/patients/towns')).json()) as
      | { items?: Array<{ name: string }> }
      | Array<{ name: string }>;
    const town = (Array.isArray(towns) ? towns : (towns.items ?? []))[0]?.name ?? '中目黒一丁目';
    for (let i = 0; i < count; i++) {
      const { patient } = (await post('/api/patients', {
        name: `一覧 テスト${i + 1}`,
        nameKana: 'いちらん てすと',
        birthDate: '1940-01-01',
        sex: 'female',
        addressTown: town,
        careLevel: 'care_1',
      })) as { patient: { id: string } };
      await post('/api/discharge-cases', {
        patientId: patient.id,
        hospitalName: '架空総合病院（デモ）',
        admittedOn: '2026-11-20',
      });
    }
  }, count);
}

describe('the discharge-case list in the browser', () => {
  let page: Page;

  beforeAll(async () => {
    page = await (await demo.browser.newContext({ locale: 'ja-JP' })).newPage();
    await signInAsDemo(page, demo.server.url, 'hospital_staff', '/staff/discharge');
    await page.waitForURL(/\/staff\/discharge/);
    // More cases than one page of the list, whatever the demo seeds.
    const seeded = (await allCases(page)).length;
    await openCases(page, Math.max(0, PAGE + 3 - seeded));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('shows the first page, then the next one by keyboard, each case once in the API’s order, axe-clean', async () => {
    const expected = await allCases(page);
    expect(expected.length).toBeGreaterThan(PAGE);
    await page.goto(`${demo.server.url}/staff/discharge?filter=all`);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(PAGE);
    expect(await axeViolations(page)).toEqual([]);

    const more = page.getByRole('button', { name: 'さらに表示する' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(expected.length);
    expect(await page.locator('table tbody tr th').allTextContents()).toEqual(expected);
    expect(await more.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
