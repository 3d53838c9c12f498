import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type DemoServer,
  launchBrowser,
  signInAsDemo,
  startDemoServer,
} from '../support/browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/opendata');
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').first().textContent())?.trim() ?? '';
}

describe('open data in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  const violations: Record<string, Array<{ id: string; help: string }>> = {};

  /** axe-core at phone and desktop width; findings are collected and must stay empty. */
  async function axe(page: Page, label: string) {
    for (const [name, size] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const) {
      await page.setViewportSize(size);
      const found = await axeViolations(page);
      if (found.length > 0) violations[`${label} @${name}`] = found;
    }
    await page.setViewportSize(desktop);
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });

  /** A page in its own context (axe-core needs one made with newContext). */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: desktop, locale: 'ja-JP' });
    return context.newPage();
  }
  afterAll(async () => {
    await browser?.close();
    await server?.stopAndClean();
  });

  it('offers the downloads with their licence and data dictionary on the public page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/opendata`);
    await expect.poll(() => heading(page)).toBe('オープンデータ');
    const csvLink = page.getByRole('link', { name: /医療機関一覧（CSV・UTF-8）/ });
    await csvLink.waitFor();
    expect(await page.getByRole('link', { name: /HL7 FHIR R4 Bundle/ }).count()).toBe(1);
    expect(
      await page
        .getByText(/CC BY 4\.0/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(
      await page.getByRole('table', { name: /医療機関一覧（自治体標準オープンデータセット）/ }).count(),
    ).toBe(1);
    const href = await csvLink.getAttribute('href');
    const download = await page.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await download.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await axe(page, '/opendata');
    await page.context().close();
    expect(violations).toEqual({});
  });

  it('lets the ward admin check a file, see the offending cells, then import a clean one', async () => {
    const page = await newPage();
    await signInAsDemo(page, server.url, 'ward_admin', '/staff/opendata/import');
    await page.waitForURL(/\/staff\/opendata\/import/);
    await expect.poll(() => heading(page)).toBe('施設一覧の取り込み');
    await axe(page, 'import (empty)');

    // A file with a latitude of 135: the dry run marks the cell and import stays impossible.
    await page.getByLabel('取り込むファイル').setInputFiles(join(FIXTURES, 'latitude-135.csv'));
    await page.getByRole('button', { name: '内容を確認する（まだ取り込みません）' }).click();
    const grid = page.getByRole('table', { name: /誤りのある行/ });
    await grid.waitFor();
    const bad = grid.locator('td.od-grid__bad');
    expect(await bad.count()).toBe(2);
    expect(await bad.first().textContent()).toContain('139.6982');
    expect(await page.getByRole('button', { name: 'この内容で取り込む' }).isDisabled()).toBe(true);
    expect(
      await page
        .getByRole('table', { name: '誤りの一覧' })
        .getByText(/緯度「139\.6982」/)
        .count(),
    ).toBe(1);
    await axe(page, 'import (errors)');

    // A clean MHLW file, as the ministry publishes it for the whole country (here with one office
    // of 渋谷区): the dry run counts new facilities and says the other ward's row is left out,
    // then the import commits Meguro's.
    const mhlw = readFileSync(join(FIXTURES, 'jigyosho_130.csv'), 'utf8').trimEnd().split('\r\n');
    const shibuya = mhlw[1]?.replace(/^131105,1,東京都,目黒区,/, '131130,99,東京都,渋谷区,');
    await page.getByLabel('取り込むファイル').setInputFiles({
      name: 'jigyosho_130.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${[...mhlw, shibuya].join('\r\n')}\r\n`),
    });
    await page.getByRole('button', { name: '内容を確認する（まだ取り込みません）' }).click();
    await page.getByText('まだ何も取り込んでいません（確認のみ）。').waitFor();
    expect(await page.getByText(/ほかの自治体の行が 1 件あります（131130/).count()).toBe(1);
    const commit = page.getByRole('button', { name: 'この内容で取り込む' });
    expect(await commit.isEnabled()).toBe(true);
    await commit.click();
    await page.getByText('取り込みました。').waitFor();
    const history = page.getByRole('region', { name: '最近の取り込み' });
    await expect.poll(() => history.getByText('取り込み済み').count()).toBeGreaterThan(0);
    await axe(page, 'import (committed)');

    const search = await page.request.get(
      `${server.url}/api/public/facilities?q=${encodeURIComponent('ゆうやけ')}&limit=5`,
    );
    expect((await search.json()).total).toBe(1);
    await page.context().close();
    expect(violations).toEqual({});
  });
});
