import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/roles';
import { DEMO_EMAILS } from '../../src/server/demo/demo-context';
import { axeViolations, reloadUntilShown, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

async function signedIn(who: Role | { email: string }, next: string): Promise<Page> {
  const page = await (await demo.browser.newContext({ locale: 'ja-JP' })).newPage();
  await signInAsDemo(page, demo.server.url, who, next);
  await page.waitForURL(new RegExp(next));
  return page;
}

/** Presses Enter on an element, as a keyboard user would after tabbing to it. */
async function pressEnterOn(page: Page, target: ReturnType<Page['getByRole']>) {
  await target.focus();
  await page.keyboard.press('Enter');
}

/** The demo case carrying the referral to the dental association's desk (asked of the API as the hospital). */
function dentalDeskCase(page: Page) {
  return page.evaluate(async () => {
    const cases = (await (await fetch('/api/discharge-cases?limit=100')).json()) as {
      items: Array<{ id: string; patientId: string }>;
    };
    for (const c of cases.items) {
      const list = (await (await fetch(`/api/referrals?patientId=${c.patientId}`)).json()) as {
        items: Array<{ role: string; viaAssociation: boolean; caseId: string | null }>;
      };
      if (list.items.some((r) => r.viaAssociation && r.role === 'family_dentist' && r.caseId === c.id))
        return c.id;
    }
    throw new Error('no demo case with a referral to the dental desk');
  });
}

/** The demo case the documents demo wrote a 看護サマリー for. */
function caseWithDocuments(page: Page) {
  return page.evaluate(async () => {
    const cases = (await (await fetch('/api/discharge-cases?limit=100')).json()) as {
      items: Array<{ id: string; patientId: string }>;
    };
    for (const c of cases.items) {
      const docs = (await (await fetch(`/api/documents?patientId=${c.patientId}&caseId=${c.id}`)).json()) as {
        items: unknown[];
      };
      if (docs.items.length > 0) return c.id;
    }
    throw new Error('no demo case with documents');
  });
}

describe('demo journeys in the browser', () => {
  it('lets the dental association’s desk open the incoming referral from its inbox and name a dentist by keyboard; the hospital sees it completed with that dentist, axe-clean', async () => {
    const desk = await signedIn({ email: DEMO_EMAILS.dentalDesk }, '/staff/inbox');
    await desk.getByRole('heading', { name: '受信箱', level: 1 }).waitFor();
    // The demo's notice reaches the inbox through the fan-out job.
    const notice = desk.getByRole('article').filter({ hasText: '新しい紹介が届きました' });
    expect(await reloadUntilShown(desk, notice)).toBe(1);
    expect(await notice.textContent()).toContain('担当する歯科医を名簿から指名してください');
    expect(await axeViolations(desk)).toEqual([]);

    await pressEnterOn(desk, notice.getByRole('link', { name: '詳しく見る' }));
    await desk.waitForURL(/\/staff\/referrals\/incoming/);
    await desk.getByRole('heading', { name: '届いた紹介' }).waitFor();
    const card = desk.getByTestId('referral').filter({ hasText: 'かかりつけ歯科医：' });
    await card.waitFor();
    expect(await card.getByTestId('referral-status').textContent()).toBe('送信済み');
    expect(await card.textContent()).toContain('患者：見本 ');
    // The desk names; it does not accept.
    expect(await card.getByRole('button', { name: '受け入れる' }).count()).toBe(0);
    expect(await axeViolations(desk)).toEqual([]);

    const search = card.getByRole('form', { name: '指名する歯科医を探す' });
    await pressEnterOn(desk, search.getByRole('button', { name: '検索する' }));
    const results = card.getByRole('list', { name: '検索結果' });
    await results.waitFor();
    const first = results.getByRole('listitem').first();
    const dentist = (await first.locator('strong').textContent()) ?? '';
    expect(dentist).not.toBe('');
    expect(await axeViolations(desk)).toEqual([]);
    await pressEnterOn(desk, first.getByRole('button', { name: new RegExp(`歯科医を指名する.*${dentist}`) }));
    // Named, the referral is closed: it leaves the open list, the page says so and keeps the focus,
    // and it shows among the closed ones.
    await expect.poll(() => card.count()).toBe(0);
    const answered = desk.getByRole('status').filter({ hasText: `「${dentist}」を指名しました` });
    expect(await answered.count()).toBe(1);
    expect(await answered.evaluate((el) => el === document.activeElement)).toBe(true);
    await desk.getByLabel('終了した紹介も表示する').focus();
    await desk.keyboard.press('Space');
    await expect.poll(() => card.getByTestId('referral-status').textContent()).toBe('完了');
    expect(await card.textContent()).toContain(`指名された歯科医：${dentist}`);
    expect(await desk.getByText('終了した紹介のため、患者の情報は表示されません。').count()).toBe(1);
    expect(await axeViolations(desk)).toEqual([]);

    const hospital = await signedIn('hospital_staff', '/staff/discharge');
    const caseId = await dentalDeskCase(hospital);
    await hospital.goto(`${demo.server.url}/staff/discharge/${caseId}`);
    await hospital.getByRole('heading', { name: '紹介', exact: true }).waitFor();
    const sent = hospital.getByTestId('referral').filter({ hasText: 'かかりつけ歯科医：' });
    await sent.waitFor();
    expect(await sent.getByRole('heading').textContent()).toContain(
      '目黒区歯科医師会 かかりつけ歯科医紹介窓口',
    );
    expect(await sent.getByTestId('referral-status').textContent()).toBe('完了');
    expect(await sent.textContent()).toContain(`指名された歯科医：${dentist}`);
    expect(await axeViolations(hospital)).toEqual([]);
  }, 180_000);

  it('lists a demo case’s documents on its page, writes a 看護サマリー from the section’s link by keyboard, and lists it on coming back, axe-clean', async () => {
    const page = await signedIn('hospital_staff', '/staff/discharge');
    const caseId = await caseWithDocuments(page);
    await page.goto(`${demo.server.url}/staff/discharge/${caseId}`);
    const section = page.getByRole('region', { name: 'この退院支援の文書' });
    await section.waitFor();
    const listed = section.getByTestId('case-documents').getByRole('link');
    await expect.poll(() => listed.allTextContents()).toEqual(['看護サマリー（架空・デモ）']);
    expect(await axeViolations(page)).toEqual([]);

    await pressEnterOn(page, section.getByRole('link', { name: '看護サマリーを作成する' }));
    await page.getByRole('heading', { name: '看護サマリーを作成する' }).waitFor();
    expect(page.url()).toContain(`caseId=${caseId}`);
    await page.getByLabel('文書の題名').fill('看護サマリー（退院前の追記・デモ）');
    await page.getByLabel('睡眠').fill('夜間 1 回覚醒');
    expect(await axeViolations(page)).toEqual([]);
    await pressEnterOn(page, page.getByRole('button', { name: '下書きを保存する' }));
    await page.getByRole('button', { name: '確定して共有する' }).waitFor();

    // Back with the browser's back button, past the form, to the case page.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(new RegExp(`/staff/discharge/${caseId}$`));
    await expect
      .poll(() => listed.allTextContents())
      .toEqual(expect.arrayContaining(['看護サマリー（架空・デモ）', '看護サマリー（退院前の追記・デモ）']));
    expect(await section.getByTestId('case-documents').textContent()).toContain('下書き');
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);
});
