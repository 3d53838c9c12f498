import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

/** No sideways scrolling of the page itself (640 px wide is a 1280 px screen at 200 % zoom). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

describe('the consultation desk in the browser', () => {
  let page: Page;

  beforeAll(async () => {
    page = await (
      await demo.browser.newContext({
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
        viewport: { width: 640, height: 900 },
      })
    ).newPage();
    await signInAsDemo(page, demo.server.url, 'center_staff');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('a 包括 coordinator records a consultation, adds a contact and closes it, by keyboard, axe-clean at 200 %', async () => {
    // the staff bar's entry for 包括 staff
    await page
      .getByRole('navigation', { name: '職員用メニュー' })
      .getByRole('link', { name: '在宅療養相談', exact: true })
      .click();
    await page.getByRole('heading', { name: '在宅療養相談', level: 1 }).waitFor();
    // the demo window's own consultations are listed
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('link', { name: '新しい相談を記録する' }).click();
    await page.getByRole('heading', { name: '新しい相談を記録する', level: 1 }).waitFor();
    await page.getByLabel('氏名').fill('相談 花子（架空）');
    await page.getByLabel('ふりがな').fill('そうだん はなこ');
    await page.getByLabel('年齢').selectOption('85_plus');
    await page.getByLabel('地区').selectOption({ label: '北部' });
    await page.getByLabel('相談者').selectOption('medical_institution');
    await page.getByLabel('医療機関の名前').fill('区外テスト総合病院（架空）');
    await page.getByLabel('その医療機関は区内か').selectOption('no');
    // checkboxes by keyboard: focus, then Space
    for (const name of ['退院', '在宅医療・訪問診療', '機関紹介', '独居（おひとり様）']) {
      await page.getByRole('checkbox', { name, exact: true }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByLabel('相談と対応の要旨').fill('退院後の訪問診療先について病院の連携室から相談。');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: '記録する', exact: true }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: '相談の詳細：相談 花子（架空）' }).waitFor();
    expect(await page.getByTestId('consultation-status').textContent()).toBe('受付中');
    expect(await page.getByText('医療機関：区外テスト総合病院（架空）（区外）').count()).toBe(1);
    expect(
      await page
        .getByRole('definition')
        .filter({ hasText: /^北部$/ })
        .count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    // a second contact: the family calls back
    const form = page.getByRole('form', { name: '対応を記録する' });
    await form.getByLabel('相談者').selectOption('family');
    await form.getByRole('checkbox', { name: '介護保険', exact: true }).check();
    await form.getByRole('checkbox', { name: '情報提供', exact: true }).check();
    await form.getByLabel('相談と対応の要旨').fill('長女から介護保険の申請について。');
    await form.getByRole('button', { name: '対応を記録する' }).click();
    await expect.poll(() => page.locator('.consultation-timeline > li').count()).toBe(2);
    expect(await page.locator('.consultation-timeline > li').first().textContent()).toContain('家族');

    const close = page.getByRole('button', { name: '相談を終了する' });
    await close.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('consultation-status').textContent()).toBe('終了');
    await page.getByRole('button', { name: '相談を再開する' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '相談の一覧へ' }).click();
    await page.getByRole('link', { name: /相談 花子（架空）/ }).waitFor();
    await page.getByLabel('状態').selectOption('closed');
    await expect.poll(() => page.getByRole('link', { name: /相談 花子（架空）/ }).count()).toBe(1);
    await page.getByLabel('状態').selectOption('open');
    await expect.poll(() => page.getByRole('link', { name: /相談 花子（架空）/ }).count()).toBe(0);
  }, 120_000);

  it('the ward admin sees the year’s figures of every window, not the records, axe-clean at 200 %', async () => {
    const admin = await (
      await demo.browser.newContext({
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
        viewport: { width: 640, height: 900 },
      })
    ).newPage();
    await signInAsDemo(admin, demo.server.url, 'ward_admin');
    await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
    await admin
      .getByRole('navigation', { name: '職員用メニュー' })
      .getByRole('link', { name: '在宅療養相談の実績' })
      .click();
    await admin.getByRole('heading', { name: '在宅療養相談の実績', level: 1 }).waitFor();
    await admin.getByText('区内のすべての窓口の数字です').waitFor();
    // the demo's five windows, each with its row
    expect(await admin.getByRole('region', { name: '窓口別' }).locator('tbody tr').count()).toBe(5);
    expect(Number(await admin.getByTestId('figures-persons').textContent())).toBeGreaterThan(0);
    expect(await axeViolations(admin)).toEqual([]);
    expect(await fitsWidth(admin)).toBe(true);
    // the records stay the window's
    const list = await admin.evaluate(async () => (await fetch('/api/consultations')).status);
    expect(list).toBe(403);
    await admin.context().close();
  }, 120_000);
});
