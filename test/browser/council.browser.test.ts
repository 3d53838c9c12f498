import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pdfPages, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

async function signedInAdmin(): Promise<Page> {
  const page = await (await demo.browser.newContext({ locale: 'ja-JP' })).newPage();
  await signInAsDemo(page, demo.server.url, 'ward_admin', '/council');
  await page.waitForURL(/\/council/);
  return page;
}

/** The number at the start of a figure cell ("1,234" over its period line). */
const numberIn = async (page: Page, rowName: RegExp, column: number) =>
  Number(
    (
      await page
        .getByRole('row', { name: rowName })
        .first()
        .locator('td')
        .nth(column)
        .locator('.council-value')
        .textContent()
    )?.replace(/[,%].*$/, '') ?? Number.NaN,
  );

describe('the council’s data list in the browser', () => {
  it('shows the demo’s figures beside last year with their dates and sources, axe-clean, keyboard-usable, printable on A4', async () => {
    const page = await signedInAdmin();
    await page.getByRole('heading', { level: 1, name: /^在宅療養に関するデータ一覧 令和\d+年度$/ }).waitFor();
    for (const name of [
      '医療・介護資源（医療介護資源情報提供システム）',
      '医療介護資源情報提供システムの利用',
      '退院支援と切れ目のない連携',
      '在宅療養相談',
    ]) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    expect(await page.getByRole('columnheader', { name: /^前年度（令和\d+年度）$/ }).count()).toBe(4);
    // The demo's directory, its page views of this and last year, its discharge cases, and the
    // consultations of its five windows in both years.
    expect(await numberIn(page, /^診療所/, 1)).toBeGreaterThan(0);
    expect(await numberIn(page, /^施設ページの閲覧数/, 0)).toBeGreaterThan(0);
    expect(await numberIn(page, /^施設ページの閲覧数/, 1)).toBeGreaterThan(0);
    expect(await numberIn(page, /^担当変更の提案/, 1)).toBeGreaterThan(0);
    expect(await numberIn(page, /^相談の実人数/, 0)).toBeGreaterThan(0);
    expect(await numberIn(page, /^相談の実人数/, 1)).toBeGreaterThan(0);
    // Each figure says when it holds, each table where it comes from.
    expect(await page.getByText(/^\d{4}\/\d{1,2}\/\d{1,2}時点$/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/^出典：/).count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);

    // The year selector is a plain select, reachable from the keyboard; last year's list loads.
    const select = page.getByLabel('年度', { exact: true });
    await select.focus();
    expect(await select.evaluate((el) => el === document.activeElement)).toBe(true);
    const options = await select.locator('option').allTextContents();
    expect(options[0]).toMatch(/^令和\d+年度$/);
    await select.selectOption({ label: options[1]! });
    await page.getByRole('heading', { level: 1, name: `在宅療養に関するデータ一覧 ${options[1]}` }).waitFor();
    await page
      .getByRole('columnheader', { name: `当年度（${options[1]}）` })
      .first()
      .waitFor();

    // The CSV is UTF-8 with a BOM and CRLF, so Excel opens the Japanese headings as they are.
    const href = await page
      .getByRole('link', { name: 'CSVをダウンロードする（Excel用）' })
      .getAttribute('href');
    const csv = await page.request.get(`${demo.server.url}${href}`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(bytes.toString('utf8')).toContain('施設ページの閲覧数');

    // Printed: the tables alone, on A4 portrait sheets.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '印刷する（A4縦）' }).isVisible()).toBe(false);
    expect(
      await page.getByRole('heading', { level: 2, name: '退院支援と切れ目のない連携' }).isVisible(),
    ).toBe(true);
    await page.emulateMedia({ media: null });
    const sheet = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect([sheet.width, sheet.height]).toEqual([595, 842]);
    // At 200 % zoom (a 640 px wide window) the page does not scroll sideways: a wide table scrolls
    // in its own focusable region.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Today's four sections fit at most two sheets (one line a figure on paper).
    expect(sheet.pages).toBeLessThanOrEqual(2);
  }, 120_000);
});
