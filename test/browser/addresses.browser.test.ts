import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importAddressRegistry } from '../../src/server/modules/addresses/address-import.service';
import { startDemoBrowserSuite } from '../support/browser';

// Issue 13 item 5: a street address as the base point, and the one line that says when it fell back.
const demo = startDemoBrowserSuite();
const phone = { width: 390, height: 844 };

async function setPlace(page: Page, text: string): Promise<void> {
  const more = page.locator('details.dir-more');
  if (!(await more.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await page.getByText('さらに条件をしぼる').click();
  }
  await page.getByLabel('町名・住所または郵便番号').fill(text);
  await page.getByRole('button', { name: 'この場所を基準にする' }).click();
}

describe('a street address as the base point in Chromium', () => {
  it('says in plain words that distances are from the town until the ward loads the registry, then uses the address', async () => {
    const page = await demo.browser.newPage({ viewport: phone, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await page.goto(`${demo.server.url}/`);
    await setPlace(page, '目黒区原町1-1-1');
    await expect.poll(() => page.locator('.dir-place').textContent()).toContain('原町');
    const status = page.locator('.dir-message[role="status"]');
    await expect.poll(() => status.textContent()).toContain('原町の中心からの距離を表示しています');

    const dir = resolve(__dirname, '../fixtures/abr');
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => ({ name, text: readFileSync(resolve(dir, name), 'utf8') }));
    await importAddressRegistry(
      { db: demo.server.database.db },
      { requestId: 'browser-test', clientIp: '127.0.0.1', municipalityCode: '131105' },
      { municipalityCode: '131105', files, actorLabel: 'browser-test' },
    );
    // Public answers are cached for 5 minutes (cache-control: public, max-age=300), so the same
    // text would be answered from the browser's cache: type the address the other common way.
    await setPlace(page, '原町一丁目1番1号');
    await expect.poll(() => page.locator('.dir-place').textContent()).toContain('原町一丁目1番1号');
    expect(await status.textContent()).toBe('');
    await page.context().close();
  });
});
