import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pdfPages, startDemoBrowserSuite } from '../support/browser';

// Issue 13 items 1 and 4: the comparison, the language switch with the map open, tiles that fail,
// the print views (as PDF pages and at a narrow sheet), 結果を見る on a phone, タップ on touch.
const suite = startDemoBrowserSuite();
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
/** 10.5 pt in CSS pixels. */
const MIN_PRINT_PX = 14;

async function open(viewport = desktop, options: { hasTouch?: boolean; isMobile?: boolean } = {}) {
  const context = await suite.browser.newContext({
    viewport,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors, close: () => context.close() };
}

function markers(page: Page) {
  return page.locator('.dir-map .dir-marker, .dir-map .dir-cluster');
}

async function waitForResults(page: Page) {
  await expect.poll(() => page.locator('.dir-results > li').count(), { timeout: 20_000 }).toBeGreaterThan(2);
}

function compareTicks(page: Page) {
  return page.locator('.dir-compare-pick input[type=checkbox]');
}

/** Ticks 「比べる」 on the first `count` results by keyboard (focus, Space); returns their names. */
async function tickToCompare(page: Page, count: number): Promise<string[]> {
  const picks = compareTicks(page);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    names.push(((await page.locator('.dir-results > li h3').nth(i).textContent()) ?? '').trim());
    await picks.nth(i).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => picks.nth(i).isChecked()).toBe(true);
  }
  return names;
}

/** Controls a printed sheet must not show (buttons, form fields, the map), as the print media lays it out. */
async function visibleControlsInPrint(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const found = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'button, a.button, input, select, textarea, form, .dir-map, .leaflet-container',
      ),
    ].flatMap((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 ? [`${el.tagName.toLowerCase()}.${el.className}`] : [];
    }),
  );
  await page.emulateMedia({ media: null });
  return found;
}

describe('public directory pages in Chromium', () => {
  it('switches the language with the map open without a page error, and the map keeps its markers', async () => {
    const { page, errors, close } = await open();
    await page.goto(`${suite.server.url}/`);
    await expect.poll(() => markers(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const languageButton = page.locator('.site-header__tools button');
    await languageButton.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find medical and care services');
    await page.waitForTimeout(500);
    expect(await markers(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-control-zoom-in').getAttribute('title')).toBe('Zoom in');
    await languageButton.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('医療・介護の窓口をさがす');
    await page.waitForTimeout(500);
    expect(await markers(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-control-zoom-in').getAttribute('title')).toBe('拡大');
    expect(errors).toEqual([]);
    await close();
  });

  it('says in words when the map images cannot load, and keeps the markers and the list', async () => {
    const { page, errors, close } = await open();
    // A tile server that answers nothing: every tile request fails.
    await page.route('**/api/public/config', (route) =>
      route.fulfill({
        json: { tileUrl: `${suite.server.url}/test-no-tiles/{z}/{x}/{y}.png`, attribution: 'test' },
      }),
    );
    await page.route('**/test-no-tiles/**', (route) => route.abort());
    await page.goto(`${suite.server.url}/`);
    await expect
      .poll(() => page.getByText('地図の画像を読み込めませんでした。').isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await markers(page).count()).toBeGreaterThan(0);
    await waitForResults(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('compares up to five facilities side by side by keyboard, with who confirmed each capability, on A4 landscape', async () => {
    const { page, errors, close } = await open(phone);
    await page.goto(`${suite.server.url}/`);
    await waitForResults(page);
    const picks = compareTicks(page);
    const names = await tickToCompare(page, 3);
    await expect.poll(() => page.getByText('比べる施設：3件（5件まで）').isVisible()).toBe(true);
    for (let i = 3; i < 5; i++) await picks.nth(i).check();
    // A sixth is refused in words, and the five stay chosen.
    await picks.nth(5).focus();
    await page.keyboard.press('Space');
    expect(await picks.nth(5).isChecked()).toBe(false);
    expect(await page.getByText('比べられるのは5件までです。').first().isVisible()).toBe(true);
    for (let i = 3; i < 5; i++) await picks.nth(i).uncheck();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '選んだ施設を並べて比べる' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/compare\?ids=/);
    const table = page.locator('.dir-compare-table');
    await expect.poll(() => table.locator('thead th').count(), { timeout: 20_000 }).toBe(4);
    expect(await table.locator('thead th a').allTextContents()).toEqual(names);
    const capabilityCells = await table.locator('td .dir-compare-table__date').allTextContents();
    expect(capabilityCells.length).toBeGreaterThan(0);
    for (const text of capabilityCells) {
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 (に施設が確認|に区の担当者が確認|の公開データ)/);
    }

    // On a phone the table scrolls sideways in a focusable box, its row headers staying in view.
    const scroll = page.locator('.dir-compare__scroll');
    expect(await scroll.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await scroll.focus();
    await page.keyboard.press('End');
    await scroll.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const rowHeader = table.locator('tbody th').first();
    const [boxLeft, headerLeft] = await Promise.all([
      scroll.evaluate((el) => el.getBoundingClientRect().left),
      rowHeader.evaluate((el) => el.getBoundingClientRect().left),
    ]);
    expect(Math.abs(headerLeft - boxLeft)).toBeLessThan(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(desktop);
    expect(await axeViolations(page)).toEqual([]);

    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    // A4 landscape; three facilities with their capabilities take at most two sheets (names repeated).
    expect({ width: pdf.width, height: pdf.height }).toEqual({ width: 842, height: 595 });
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(2);
    expect(await visibleControlsInPrint(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('removes a facility from inside the comparison by keyboard: its column goes, the URL and the tick follow, focus moves on', async () => {
    const { page, errors, close } = await open();
    await page.goto(`${suite.server.url}/`);
    await waitForResults(page);
    const names = await tickToCompare(page, 3);
    await page.getByRole('link', { name: '選んだ施設を並べて比べる' }).click();
    const table = page.locator('.dir-compare-table');
    const columns = table.locator('thead th a');
    await expect.poll(() => columns.allTextContents(), { timeout: 20_000 }).toEqual(names);
    const idsInUrl = () => new URL(page.url()).searchParams.get('ids')?.split(',') ?? [];
    const [, removedId] = idsInUrl();

    // By keyboard: the second column's button, named with its facility for a screen reader.
    // (Chromium reads the visually hidden part as a separate run: a space may come before the colon.)
    await page.getByRole('button', { name: new RegExp(`^比較から外す\\s*：${names[1]}$`) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => columns.allTextContents()).toEqual([names[0], names[2]]);
    expect(idsInUrl()).toHaveLength(2);
    expect(idsInUrl()).not.toContain(removedId);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `「${names[1]}」を比較から外しました。` })
        .count(),
    ).toBe(1);
    // Focus goes on to the column that took its place, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`比較から外す：${names[2]}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await visibleControlsInPrint(page)).toEqual([]);

    // The URL is the comparison: reloading it shows the two; the search results' ticks follow too.
    await page.reload();
    await expect.poll(() => columns.allTextContents(), { timeout: 20_000 }).toEqual([names[0], names[2]]);
    await page.getByRole('link', { name: '検索結果に戻る' }).click();
    await waitForResults(page);
    expect(await page.getByText('比べる施設：2件（5件まで）').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('prints a facility page on one A4 page without map, buttons or form, at 10.5 pt or more', async () => {
    const { page, errors, close } = await open();
    await page.goto(`${suite.server.url}/`);
    await waitForResults(page);
    const card = page
      .locator('.dir-results > li')
      .filter({ has: page.locator('.dir-capacity') })
      .first();
    const listSignal = ((await card.locator('.dir-capacity__signal').textContent()) ?? '')
      .replace(/^[○△×]\s*/, '')
      .trim();
    expect(listSignal).toMatch(/^(受入可|空き待ち|受入不可)$/);
    await card.locator('h3 a').click();
    await expect.poll(() => page.url()).toMatch(/\/facilities\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '印刷する' }).waitFor();
    // The badge names the signal as the list did, then says what it means.
    expect(await page.locator('.dir-capacity__signal').first().textContent()).toMatch(
      new RegExp(`^[○△×]\\s*${listSignal}（`),
    );
    await expect.poll(() => page.locator('.dir-map').count(), { timeout: 20_000 }).toBe(1);

    expect(await visibleControlsInPrint(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[
          ...document.querySelectorAll(
            '.dir-facility p, .dir-facility li, .dir-facility td, .dir-facility dd',
          ),
        ]
          .filter((el) => el.getBoundingClientRect().height > 0 && el.textContent?.trim())
          .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ),
    );
    await page.emulateMedia({ media: null });
    expect(smallest).toBeGreaterThanOrEqual(MIN_PRINT_PX);
    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pdf).toEqual({ pages: 1, width: 595, height: 842 });
    expect(errors).toEqual([]);
    await close();
  });

  it('prints the list at phone width (as at 200 % zoom) with whole columns, readable addresses, 10.5 pt, its order and base point with distances', async () => {
    const { page, errors, close } = await open({ width: 360, height: 800 });
    await page.goto(`${suite.server.url}/print?near=35.6333,139.6983&place=${encodeURIComponent('上目黒')}`);
    await expect
      .poll(() => page.locator('.dir-print-table tbody tr').count(), { timeout: 20_000 })
      .toBeGreaterThan(20);
    expect(await page.locator('.dir-sheet__order').textContent()).toContain('近い順。距離は「上目黒」から');
    const distances = await page.locator('td.dir-print-table__distance').allTextContents();
    expect(distances.length).toBeGreaterThan(20);
    for (const text of distances) expect(text).toMatch(/^\d+(\.\d)?(m|km)$/);

    for (const width of [360, 718]) {
      // 718 px is A4's printable width at 100 %; 360 px that width at 200 % zoom, or a phone.
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ media: 'print' });
      const layout = await page.evaluate(() => {
        const cells = [...document.querySelectorAll<HTMLElement>('.dir-print-table__address')];
        const narrowest = Math.min(
          ...cells.map(
            (cell) => cell.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(cell).fontSize),
          ),
        );
        const cut = [...document.querySelectorAll<HTMLElement>('.dir-print-scroll')].filter(
          (box) =>
            box.scrollWidth > box.clientWidth + 1 ||
            box.getBoundingClientRect().right > window.innerWidth + 1,
        ).length;
        const smallest = Math.min(
          ...[...document.querySelectorAll('.dir-print-table th, .dir-print-table td, .dir-sheet p')]
            .filter((el) => el.getBoundingClientRect().height > 0 && el.textContent?.trim())
            .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
        );
        return { narrowest, cut, smallest };
      });
      await page.emulateMedia({ media: null });
      // An address cell is at least eight characters wide: never one character per line.
      expect(layout.narrowest, `at ${width}px`).toBeGreaterThanOrEqual(8);
      expect(layout.cut, `at ${width}px`).toBe(0);
      expect(layout.smallest, `at ${width}px`).toBeGreaterThanOrEqual(MIN_PRINT_PX);
    }
    expect(await visibleControlsInPrint(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('on a phone after さらに条件をしぼる, 「結果を見る」 and a skip link take the focus to the results', async () => {
    const { page, errors, close } = await open(phone);
    await page.goto(`${suite.server.url}/`);
    await waitForResults(page);
    await page.getByText('さらに条件をしぼる').click();
    const show = page.getByRole('button', { name: /^結果を見る（\d+件）$/ });
    await show.click();
    const focusedHeading = () => page.evaluate(() => document.activeElement?.id);
    await expect.poll(focusedHeading).toBe('dir-results-heading');
    const top = await page.locator('#dir-results-heading').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top).toBeLessThan(phone.height / 2);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('link', { name: '検索結果へ移動する' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedHeading).toBe('dir-results-heading');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('says タップ on a touch screen and クリック with a mouse', async () => {
    const touch = await open(phone, { hasTouch: true, isMobile: true });
    await touch.page.goto(`${suite.server.url}/`);
    await touch.page.getByText('さらに条件をしぼる').click();
    await touch.page.getByRole('button', { name: '地図をタップして地点を選ぶ' }).waitFor();
    await touch.close();
    const mouse = await open(desktop);
    await mouse.page.goto(`${suite.server.url}/`);
    await mouse.page.getByRole('button', { name: '地図をクリックして地点を選ぶ' }).waitFor();
    await mouse.close();
  });
});
