import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pdfPages, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

async function signedInAdmin(): Promise<Page> {
  const page = await (await demo.browser.newContext({ locale: 'ja-JP' })).newPage();
  await signInAsDemo(page, demo.server.url, 'ward_admin', '/figures');
  await page.waitForURL(/\/figures/);
  return page;
}

describe('the council’s discharge figures in the browser', () => {
  it('shows the ward the year by month with its total, counts the demo’s changes, axe-clean and keyboard-usable', async () => {
    const page = await signedInAdmin();
    await page.getByRole('heading', { name: '退院支援の実績（協議会資料）' }).waitFor();
    await page.getByRole('columnheader', { name: '年度計' }).waitFor();
    expect(await page.getByRole('columnheader', { name: '4月' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: '3月' }).count()).toBe(1);
    // The demo proposes changes this month: the year's total counts them.
    const proposed = page.getByRole('row', { name: /担当変更の提案/ });
    const total = Number(await proposed.locator('td').last().textContent());
    expect(total).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('row', { name: /看護サマリー/ })
        .locator('td')
        .last()
        .textContent(),
    ).not.toBe('集計準備中');
    expect(await axeViolations(page)).toEqual([]);

    // The year selector is a plain select: reachable and usable from the keyboard.
    const select = page.getByLabel('年度');
    await select.focus();
    expect(await select.evaluate((el) => el === document.activeElement)).toBe(true);
    const years = await select.locator('option').allTextContents();
    expect(years[0]).toMatch(/^令和\d+年度$/);

    // The CSV is UTF-8 with a BOM, so Excel opens the Japanese headings as they are.
    const href = await page
      .getByRole('link', { name: 'CSVをダウンロードする（Excel用）' })
      .getAttribute('href');
    const csv = await page.request.get(`${demo.server.url}${href}`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('退院支援件数');

    // Printed: the table alone (no controls, no staff bar).
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '印刷する（A4横）' }).isVisible()).toBe(false);
    expect(await page.getByRole('columnheader', { name: '年度計' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: null });
    const sheet = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect([sheet.width, sheet.height]).toEqual([842, 595]);

    // Landscape is this page's alone: after opening another page in the same session (its
    // stylesheet stays loaded), that page prints portrait.
    await page.getByRole('link', { name: /^受信箱（未読/ }).click();
    await page.waitForURL(/\/staff\/inbox/);
    // The URL changes before the inbox's chunk has rendered and the figures page has unmounted.
    await page.getByRole('heading', { level: 1, name: '受信箱' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.body.classList.contains('figures-print')))
      .toBe(false);
    const next = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(next.width).toBeLessThan(next.height);
  }, 120_000);
});
