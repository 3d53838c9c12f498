import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

async function signedIn(role: 'hospital_staff' | 'clinician'): Promise<Page> {
  const page = await (await demo.browser.newContext({ locale: 'ja-JP' })).newPage();
  await signInAsDemo(page, demo.server.url, role, '/staff/patients');
  await page.waitForURL(/\/staff\/patients/);
  return page;
}

describe('patients in the browser', () => {
  it('shows the hospital its own fictional patients, the circle with history, and registers a new one, axe-clean', async () => {
    const page = await signedIn('hospital_staff');
    await expect.poll(() => page.getByRole('link', { name: '見本 一郎' }).count()).toBe(1);
    expect(await page.getByText('（デモ・架空）').count()).toBeGreaterThan(0);
    // 見本 夏男 is the clinic's and the care manager's patient, not the hospital's.
    expect(await page.getByRole('link', { name: '見本 夏男' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '見本 一郎' }).click();
    await page.getByRole('heading', { name: '支援チーム（現在）' }).waitFor();
    expect(await page.getByRole('cell', { name: '入院先病院' }).count()).toBe(1);
    await page.getByRole('button', { name: '履歴を表示する' }).click();
    await page.getByRole('heading', { name: '支援チームの履歴' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${demo.server.url}/staff/patients/new`);
    await page.getByLabel('氏名').first().fill('見本 新太');
    await page.getByLabel('フリガナ').fill('ミホン アラタ');
    await page.getByLabel('生年月日').fill('1945-06-01');
    await page.getByLabel('町丁').fill('上目黒');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('登録しました。').waitFor();
    await page.getByRole('link', { name: '患者のページを開く' }).click();
    await page.getByRole('heading', { name: '見本 新太' }).waitFor();
  }, 120_000);
});
