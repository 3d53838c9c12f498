import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type DemoServer,
  launchBrowser,
  signInAsDemo,
  startDemoServer,
} from '../support/browser';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
type Findings = Record<string, Array<{ id: string; help: string; nodes: number }>>;

/** axe-core (WCAG 2.x A/AA = JIS X 8341-3 AA) at phone and desktop width on the page as it is. */
async function axeAtBothWidths(page: Page, found: Findings, label: string): Promise<void> {
  for (const [name, size] of [
    ['phone', phone],
    ['desktop', desktop],
  ] as const) {
    await page.setViewportSize(size);
    // Let the layout (and, at desktop width, the lazily loaded map) settle before checking.
    await page.waitForTimeout(300);
    const violations = await axeViolations(page);
    if (violations.length > 0) found[`${label} @${name}`] = violations;
  }
}

/** Presses Tab until the focused element matches, as a keyboard-only user would; fails after `max`. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

function resultCards(page: Page) {
  return page.locator('.dir-results > li');
}

async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('.dir-results-header__count').textContent()) ?? '';
  const match = /([\d,]+)件見つかりました/.exec(text);
  return match ? Number(match[1]?.replace(/,/g, '')) : Number.NaN;
}

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stopAndClean();
});

describe('resource directory journey in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const findings: Findings = {};

  beforeAll(async () => {
    context = await browser.newContext({ viewport: phone, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('keeps the JavaScript a phone downloads for the search page within 170 KB gzip (map not loaded)', async () => {
    const scripts: Buffer[] = [];
    const urls: string[] = [];
    const collect = async (response: import('playwright-core').Response) => {
      if (response.request().resourceType() !== 'script' || !response.url().startsWith(server.url)) return;
      urls.push(response.url());
      scripts.push(await response.body());
    };
    page.on('response', collect);
    await page.goto(`${server.url}/`);
    await expect.poll(() => resultCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    page.off('response', collect);
    const gzip = scripts.reduce((sum, body) => sum + gzipSync(body).length, 0);
    console.info(
      `directory search page (phone, list view): ${urls.length} scripts, ${(gzip / 1024).toFixed(1)} KB gzip`,
    );
    expect(gzip).toBeLessThanOrEqual(170 * 1024);
    expect(urls.some((url) => /leaflet/i.test(url))).toBe(false);
  });

  it('finds 訪問歯科 in 南部 with the keyboard alone and announces the count', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => resultCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    const all = await resultCount(page);
    await page.locator('body').focus();
    await tabTo(page, 'input[name="q"]');
    await page.keyboard.type('訪問歯科');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('訪問歯科');
    await expect.poll(() => resultCount(page)).toBeLessThan(all);

    await tabTo(page, '.dir-search-panel select');
    // Arrow keys change a closed select in place (north, east, central, south …).
    for (
      let i = 0;
      i < 8 && (await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)) !== 'south';
      i++
    ) {
      await page.keyboard.press('ArrowDown');
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('district')).toBe('south');
    const live = page.locator('[role="status"][aria-live="polite"].dir-results-header__count');
    await expect.poll(async () => (await live.textContent()) ?? '').toMatch(/^\d+件見つかりました/);
    const inSouth = await resultCount(page);
    expect(inSouth).toBeGreaterThan(0);
    const districts = await resultCards(page).locator('.dir-result__meta').allTextContents();
    expect(districts.length).toBeGreaterThan(0);
    for (const text of districts) expect(text).toContain('南部');
    const tags = await resultCards(page).locator('.dir-tags').allTextContents();
    for (const text of tags) expect(text).toContain('訪問歯科');
    await axeAtBothWidths(page, findings, 'search 訪問歯科 南部');
    await page.setViewportSize(phone);
  });

  it('narrows to facilities accepting new patients, and the back button restores the wider list', async () => {
    const before = await resultCount(page);
    await page.getByText('さらに条件をしぼる').click();
    await page.getByLabel('新しい利用者を受け入れている施設だけ').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('accepting')).toBe('1');
    // The URL changes before the new answer is drawn: wait until the list shows only accepting
    // facilities (the old list, or the loading state in between, must not be read).
    const allAccepting = async () => {
      const count = await resultCount(page);
      if (!Number.isFinite(count)) return false;
      const signals = await resultCards(page).locator('.dir-capacity__signal').allTextContents();
      return (
        signals.length === (await resultCards(page).count()) && signals.every((t) => t.includes('受入可'))
      );
    };
    await expect.poll(allAccepting, { timeout: 15_000 }).toBe(true);
    const accepting = await resultCount(page);
    expect(accepting).toBeLessThanOrEqual(before);
    expect(accepting).toBeGreaterThan(0);
    const signals = await resultCards(page).locator('.dir-capacity__signal').allTextContents();
    expect(signals.length).toBe(await resultCards(page).count());
    for (const text of signals) expect(text).toContain('受入可');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('accepting')).toBeNull();
    await expect.poll(() => resultCount(page)).toBe(before);
    await page.goForward();
    await expect.poll(() => resultCount(page)).toBe(accepting);
  });

  it('shows the result map without a tile server, with markers the list also names', async () => {
    await page.setViewportSize(desktop);
    await expect
      .poll(() => page.locator('.dir-map .dir-marker, .dir-map .dir-cluster').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.setViewportSize(phone);
    await page.getByRole('button', { name: '地図で見る' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('map');
    await expect
      .poll(() => page.locator('.dir-map .dir-marker, .dir-map .dir-cluster').count())
      .toBeGreaterThan(0);
    await axeAtBothWidths(page, findings, 'search map view');
    await page.setViewportSize(phone);
    await page.getByRole('button', { name: '一覧で見る' }).click();
    await expect.poll(() => resultCards(page).count()).toBeGreaterThan(0);
  });

  it('opens a facility from the results with Tab and Enter and shows its details', async () => {
    const name = ((await resultCards(page).first().locator('h3').textContent()) ?? '').trim();
    await page.locator('h1').focus();
    await tabTo(page, '.dir-results a');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/facilities\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await page.locator('h1').textContent())?.trim()).toBe(name);
    expect(await page.locator('a[href^="tel:"]').first().isVisible()).toBe(true);
    expect(await page.locator('.dir-capabilities li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('訪問歯科')]),
    );
    for (const text of await page.locator('.dir-capabilities__date').allTextContents()) {
      // Says who confirmed it (issue 13 §1): the demo's facilities confirmed their own entries.
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 に施設が確認/);
    }
    expect(await page.locator('table.dir-hours tbody tr').count()).toBe(7);
    await axeAtBothWidths(page, findings, 'facility');
    await page.setViewportSize(phone);
  });

  it('takes an error report, insists on a category and a message, and confirms it clearly', async () => {
    // No category is chosen for the resident (a default 電話番号・FAX mis-filed reports).
    expect(await page.locator('.dir-report input[type=radio]:checked').count()).toBe(0);
    await page.getByRole('button', { name: '報告を送る' }).click();
    await expect.poll(() => page.getByText('誤りのある項目を選んでください。').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('内容を入力してください。').isVisible()).toBe(true);
    // The first thing missing takes the focus: the category's first choice.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('radio');
    await axeAtBothWidths(page, findings, 'report form with error');
    await page.setViewportSize(phone);
    await page.getByRole('radio', { name: '受付時間' }).check();
    await page.getByRole('button', { name: '報告を送る' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.getByText('誤りのある項目を選んでください。').isVisible()).toBe(false);
    await page.getByLabel(/正しい内容や気づいたこと/).fill('土曜日の午後も開いていました。');
    await page.getByRole('button', { name: '報告を送る' }).click();
    await expect.poll(() => page.getByText(/報告を受け付けました。/).isVisible()).toBe(true);
    await axeAtBothWidths(page, findings, 'report confirmation');
    await page.setViewportSize(phone);
  });

  it('prints the result list as an A4 sheet grouped by type with a numbered map', async () => {
    await page.goBack();
    await expect.poll(() => resultCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    const total = await resultCount(page);
    await page.getByRole('link', { name: 'この一覧を印刷する' }).click();
    await expect.poll(() => page.url()).toContain('/print?');
    await expect.poll(() => page.locator('h1').textContent()).toBe('在宅療養資源マップ（南部）');
    await expect
      .poll(() => page.locator('.dir-print-table tbody tr').count(), { timeout: 20_000 })
      .toBe(total);
    expect(await page.locator('.dir-print-map__pt').count()).toBe(total);
    expect(await page.locator('.site-header').count()).toBe(0);
    const pageRule = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule instanceof CSSPageRule && /size:\s*a4/i.test(rule.cssText)),
      ),
    );
    expect(pageRule).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.dir-print-toolbar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await axeAtBothWidths(page, findings, 'print');
  });

  it('prints a whole district from a link', async () => {
    await page.setViewportSize(desktop);
    await page.goto(`${server.url}/print?district=north`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('在宅療養資源マップ（北部）');
    await expect
      .poll(() => page.locator('.dir-print-table tbody tr').count(), { timeout: 20_000 })
      .toBeGreaterThan(20);
    const headings = await page.locator('.dir-print-group h2').allTextContents();
    expect(headings[0]).toMatch(/^病院|^診療所/);
  });

  it('finds no accessibility violations on any public page at phone and desktop width', () => {
    expect(findings).toEqual({});
  });
});

async function signIn(page: Page, role: 'ward_admin' | 'facility_editor'): Promise<void> {
  await signInAsDemo(page, server.url, role);
  await page.waitForURL(/\/staff$/);
}

describe('directory self-service and review in Chromium', () => {
  const findings: Findings = {};
  const newFax = '03-5555-0101';
  let facilityId = '';

  it('lets a facility editor set capacity in one tap and request a change', async () => {
    const context = await browser.newContext({ viewport: phone, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await signIn(page, 'facility_editor');
    await page.goto(`${server.url}/staff/directory/my-facility`);
    await expect.poll(() => page.getByRole('button', { name: '受入可' }).count()).toBe(1);
    await axeAtBothWidths(page, findings, 'my facility');
    await page.setViewportSize(phone);
    facilityId =
      ((await page.getByRole('link', { name: '公開ページを見る' }).getAttribute('href')) ?? '')
        .split('/')
        .pop() ?? '';
    expect(facilityId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: '受入可' }).click();
    await expect
      .poll(() => page.getByText('受け入れ状況を「受入可」に更新しました。').isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: '受入可' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByLabel('FAX番号').fill(newFax);
    await page.getByLabel('区の担当者への連絡事項').fill('FAX番号が変わりました。');
    await page.getByRole('button', { name: '変更を申請する' }).click();
    await expect.poll(() => page.getByText(/変更を申請しました。/).isVisible()).toBe(true);
    await context.close();
  });

  it('shows the ward admin a field-by-field diff and publishes the change on approval', async () => {
    const context = await browser.newContext({
      viewport: desktop,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const page = await context.newPage();
    await signIn(page, 'ward_admin');
    await page.goto(`${server.url}/staff/directory/review?source=editor`);
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await axeAtBothWidths(page, findings, 'review queue');
    await page.setViewportSize(desktop);
    const row = page.locator('tbody tr').filter({ hasText: 'FAX番号' }).first();
    await row.getByRole('link').click();
    await expect.poll(() => page.locator('.dir-diff tbody tr').count()).toBeGreaterThan(0);
    const faxRow = page.locator('.dir-diff tbody tr').filter({ hasText: 'FAX' });
    expect(await faxRow.locator('ins').textContent()).toContain(newFax);
    await axeAtBothWidths(page, findings, 'review request');
    await page.setViewportSize(desktop);

    await page.getByRole('button', { name: '却下する' }).click();
    await expect.poll(() => page.getByText('却下する理由を入力してください。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '承認する' }).click();
    await expect.poll(() => page.getByText(/承認しました。/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/承認済み：/).isVisible()).toBe(true);

    await page.goto(`${server.url}/facilities/${facilityId}`);
    await expect.poll(() => page.locator('.dir-basics').textContent()).toContain(newFax);
    expect(await page.locator('.dir-capacity__signal').first().textContent()).toContain(
      '新しい利用者を受け入れています',
    );

    await page.goto(`${server.url}/staff/directory/facilities/${facilityId}/history`);
    await expect.poll(() => page.locator('.dir-history__entry').count()).toBeGreaterThan(1);
    expect(await page.locator('.dir-history__entry').first().textContent()).toContain(newFax);
    await axeAtBothWidths(page, findings, 'history');
    // The ward reaches the request from its history entry; the editor is not offered the ward's
    // review page (it answered 403), and reads their requests on the my-facility page instead.
    expect(await page.getByRole('link', { name: '申請を見る' }).count()).toBeGreaterThan(0);
    const editorContext = await browser.newContext({
      viewport: desktop,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const editorPage = await editorContext.newPage();
    await signIn(editorPage, 'facility_editor');
    await editorPage.goto(`${server.url}/staff/directory/facilities/${facilityId}/history`);
    await expect.poll(() => editorPage.locator('.dir-history__entry').count()).toBeGreaterThan(1);
    expect(await editorPage.getByRole('link', { name: '申請を見る' }).count()).toBe(0);
    await editorContext.close();

    await page.goto(`${server.url}/staff/directory/statistics?period=fiscal_year`);
    await expect
      .poll(() =>
        page
          .getByRole('row')
          .filter({ hasText: /令和\d+年度/ })
          .count(),
      )
      .toBeGreaterThan(0);
    const csv = page.getByRole('link', { name: '年度ごとの閲覧数をCSVでダウンロード' });
    expect(await csv.getAttribute('href')).toContain('report=views_fiscal_year&format=csv');
    await axeAtBothWidths(page, findings, 'statistics');
    await context.close();
  });

  it('finds no accessibility violations on the staff pages', () => {
    expect(findings).toEqual({});
  });
});
