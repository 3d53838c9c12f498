import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pdfPages, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const suite = startDemoBrowserSuite();

async function signedIn(role: 'hospital_staff' | 'clinician'): Promise<Page> {
  const page = await (await suite.browser.newContext({ locale: 'ja-JP' })).newPage();
  await signInAsDemo(page, suite.server.url, role, '/staff/patients');
  await page.waitForURL(/\/staff\/patients/);
  return page;
}

/**
 * The demo patient whose nursing summary the demo seeds (asked of the API as the signed-in user);
 * `ofCase`: the one written for a discharge case (the seeded one is; one written in a test is not).
 */
function findDemoSummary(page: Page, ofCase = false) {
  return page.evaluate(async (ofCase) => {
    const list = (await (await fetch('/api/patients?limit=200')).json()) as { items: Array<{ id: string }> };
    for (const p of list.items) {
      const detail = (await (await fetch(`/api/patients/${p.id}`)).json()) as {
        documents?: Array<{ id: string; kind: string; caseId: string | null }>;
      };
      const found = detail.documents?.find((d) => d.kind === 'nursing_summary' && (!ofCase || d.caseId));
      if (found) return { patientId: p.id, documentId: found.id, caseId: found.caseId };
    }
    return undefined;
  }, ofCase);
}

describe('documents in the browser', () => {
  it('shows the hospital its nursing summary with the family doctor’s receipt, prints it on A4, and writes a new one by keyboard, axe-clean', async () => {
    const page = await signedIn('hospital_staff');
    const demo = await findDemoSummary(page);
    expect(demo).toBeDefined();
    if (!demo) return;

    await page.goto(`${suite.server.url}/staff/patients/${demo.patientId}`);
    await page.getByRole('heading', { name: '文書（サマリー・紹介状）' }).waitFor();
    const list = page.getByTestId('documents-list');
    expect(await list.getByRole('link', { name: '看護サマリー（架空・デモ）' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await list.getByRole('link', { name: '看護サマリー（架空・デモ）' }).click();
    await page.getByRole('heading', { name: '既読の記録' }).waitFor();
    expect(await page.getByTestId('receipts').getByRole('row').count()).toBe(2); // header + one reader
    expect(await page.getByRole('heading', { name: 'ケアの方法と留意点' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: '全介助' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: false }));
    // A4 is 595 × 842 points; the summary fits on one or two sheets, never a long scroll
    expect(Math.round(pdf.width)).toBe(595);
    expect(Math.round(pdf.height)).toBe(842);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(2);

    await page.goto(
      `${suite.server.url}/staff/documents/new?patientId=${demo.patientId}&kind=nursing_summary`,
    );
    await page.getByRole('heading', { name: '看護サマリーを作成する' }).waitFor();
    await page.getByLabel('睡眠').fill('夜間 1 回覚醒');
    // the ADL grid by keyboard: focus 入浴's first grade, arrow to 自立 then 見守り
    await page.getByLabel('入浴：未評価').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('入浴：見守り').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '下書きを保存する' }).click();

    await page.getByRole('button', { name: '確定して共有する' }).waitFor();
    expect(await page.getByRole('cell', { name: '見守り' }).count()).toBe(1);
    await page.getByRole('button', { name: '確定して共有する' }).click();
    await page.getByText('（確定・第2版）').waitFor();
    expect(await page.getByRole('link', { name: 'FHIR で出力する（JSON）' }).count()).toBe(1);
  }, 120_000);

  it('leads a reader of another organisation from the nursing summary back to its discharge case, by keyboard, axe-clean', async () => {
    const page = await signedIn('clinician');
    const demo = await findDemoSummary(page, true);
    expect(demo).toBeDefined();
    if (!demo) return;

    await page.goto(`${suite.server.url}/staff/documents/${demo.documentId}`);
    const link = page.getByRole('link', { name: /^退院支援：.+（\d{4}-\d{2}-\d{2} 入院）$/ });
    await link.waitFor();
    expect(await link.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${suite.server.url}/staff/discharge/${demo.caseId}`);
    await page.getByRole('heading', { level: 1, name: /^退院支援：/ }).waitFor();
  }, 120_000);
});
