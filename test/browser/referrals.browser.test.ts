import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

async function signedIn(role: 'hospital_staff' | 'clinician', next: string): Promise<Page> {
  const page = await (await demo.browser.newContext({ locale: 'ja-JP' })).newPage();
  await signInAsDemo(page, demo.server.url, role, next);
  await page.waitForURL(new RegExp(next));
  return page;
}

/** The demo case that carries the seeded nurse referrals (found through the API the page uses). */
async function caseWithReferrals(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const cases = (await (await fetch('/api/discharge-cases?limit=100')).json()) as {
      items: Array<{ id: string; patientId: string }>;
    };
    for (const c of cases.items) {
      const list = (await (await fetch(`/api/referrals?patientId=${c.patientId}`)).json()) as {
        items: Array<{ role: string }>;
      };
      // Other demo cases carry other referrals (the dental association's desk, the clinician's).
      if (list.items.some((r) => r.role === 'visiting_nurse')) return c.id;
    }
    throw new Error('no demo case with referrals');
  });
}

describe('referrals in the browser', () => {
  it('shows the case’s referrals with capacity and date, finds a station, drafts and sends one by keyboard, axe-clean', async () => {
    const page = await signedIn('hospital_staff', '/staff/discharge');
    const caseId = await caseWithReferrals(page);
    await page.goto(`${demo.server.url}/staff/discharge/${caseId}`);
    await page.getByRole('heading', { name: '紹介', exact: true }).waitFor();
    const statuses = page.getByTestId('referral-status');
    await expect
      .poll(() => statuses.allTextContents())
      .toEqual(expect.arrayContaining(['送信済み', '受け入れ']));
    expect(await page.getByText(/同じ役割の進行中の紹介がほかに/).count()).toBeGreaterThan(0);
    expect((await page.getByTestId('referral-capacity').allTextContents()).join(' ')).toMatch(
      /受け入れ状況：.+（.+ 更新）/,
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('紹介する役割').selectOption('visiting_nurse');
    const search = page.getByRole('button', { name: '検索する' });
    await search.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: '検索結果' }).waitFor();
    expect((await page.getByTestId('result-capacity').allTextContents()).length).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);
    // The two stations already referred to refuse a second referral; a third one drafts.
    const drafts = page.getByRole('button', { name: /この施設への紹介を下書きする/ });
    const before = await statuses.count();
    // The patient may carry other sent referrals (the demo clinician's 訪問診療 one): count them first.
    const sentCount = async () => (await statuses.allTextContents()).filter((s) => s === '送信済み').length;
    const sentBefore = await sentCount();
    for (let i = 0; i < (await drafts.count()) && (await statuses.count()) === before; i++) {
      await drafts.nth(i).click();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => statuses.allTextContents()).toContain('下書き');
    await page
      .getByRole('heading', { name: '本人・家族の了承' })
      .waitFor()
      .catch(() => undefined);
    const send = page.getByRole('button', { name: '送る', exact: true });
    await send.focus();
    await page.keyboard.press('Enter');
    await expect.poll(sentCount).toBe(sentBefore + 1);
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);

  it('shows the demo clinician the referral the demo hospital sent, with its patient, axe-clean', async () => {
    const page = await signedIn('clinician', '/staff/referrals/incoming');
    await page.getByRole('heading', { name: '届いた紹介' }).waitFor();
    const card = page.getByTestId('referral').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('患者：');
    expect(await card.getByRole('heading').textContent()).toMatch(/^訪問診療/);
    expect(await page.getByText('届いている紹介はありません。').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);
});
