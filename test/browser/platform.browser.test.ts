import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// The seed file itself: the module index pulls in the CLI, which imports the module registry.
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/server/modules/accounts/demo.seed';
import { axeViolations, type DemoServer, launchBrowser, startDemoServer } from '../support/browser';
import { type LoopbackSmtp, startSmtp } from '../support/smtp';
import { freshTotp } from '../support/totp';

// The demo ward admin published in the README and printed at start (accounts seed).
const demoAdminUser = DEMO_USERS.find((user) => user.role === 'ward_admin');
if (!demoAdminUser) throw new Error('the accounts seed has no demo ward_admin');
const demoAdmin = {
  email: demoAdminUser.email,
  password: DEMO_PASSWORD,
  totpSecret: demoAdminUser.totpSecret,
};

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** axe-core at phone and at desktop width on the page as it is now; returns violations per width. */
async function axeAtBothWidths(page: Page): Promise<Record<string, Array<{ id: string; help: string }>>> {
  const found: Record<string, Array<{ id: string; help: string }>> = {};
  for (const [name, size] of [
    ['phone', phone],
    ['desktop', desktop],
  ] as const) {
    await page.setViewportSize(size);
    const violations = await axeViolations(page);
    if (violations.length > 0) found[`${page.url()} @${name}`] = violations;
  }
  return found;
}

async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').first().textContent())?.trim() ?? '';
}

describe('platform journey in Chromium', () => {
  let server: DemoServer;
  let smtp: LoopbackSmtp;
  let browser: Browser;
  // axe findings of the current test, keyed by page and width (expected to stay empty).
  let violations: Record<string, Array<{ id: string; help: string }>> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startDemoServer({ SMTP_URL: smtp.url });
    browser = await launchBrowser();
  });

  beforeEach(() => {
    violations = {};
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stopAndClean();
    await smtp?.close();
  });

  async function check(page: Page, expectedHeading: RegExp) {
    await expect.poll(() => heading(page)).toMatch(expectedHeading);
    expect(await page.locator('h1').count()).toBe(1);
    Object.assign(violations, await axeAtBothWidths(page));
  }

  it('lets the ward admin invite a colleague who then joins with two-factor, all of it audited', async () => {
    const admin: BrowserContext = await browser.newContext({ viewport: desktop, locale: 'ja-JP' });
    const page = await admin.newPage();

    // Login with password, then the two-factor code of the demo account.
    await page.goto(`${server.url}/login`);
    await check(page, /関係者ログイン/);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.getByLabel('メールアドレス').fill(demoAdmin.email);
    await page.getByLabel('パスワード').fill(demoAdmin.password);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.waitForURL(/\/login\/two-factor/);
    await check(page, /確認コード/);
    await page.getByLabel('確認コード（6桁）').fill(await freshTotp(demoAdmin.totpSecret));
    await page.getByRole('button', { name: '確認する' }).click();
    await page.waitForURL(/\/staff$/);
    await check(page, /職員メニュー/);
    await expect.poll(() => page.getByRole('navigation', { name: '職員用メニュー' }).isVisible()).toBe(true);

    // The users list pages with the shared cursor: the demo's accounts fit its first page, in email order.
    await page
      .getByRole('navigation', { name: '職員用メニュー' })
      .getByRole('link', { name: '利用者' })
      .click();
    await page.waitForURL(/\/admin\/users$/);
    await check(page, /利用者/);
    const demoEmails = DEMO_USERS.map((user) => user.email).sort();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '件を表示しています' }).textContent())
      .toBe(`${demoEmails.length} 件を表示しています`);
    const shown = await page.locator('tbody tr').allTextContents();
    expect(demoEmails.map((email) => shown.findIndex((row) => row.includes(email)))).toEqual(
      demoEmails.map((_, i) => i),
    );
    expect(await page.getByRole('button', { name: 'さらに表示する' }).count()).toBe(0);

    // Invite a new member of staff.
    const inviteeEmail = `kango.${Date.now()}@example.jp`;
    await page
      .getByRole('navigation', { name: '職員用メニュー' })
      .getByRole('link', { name: '招待' })
      .click();
    await page.waitForURL(/\/admin\/invitations$/);
    await check(page, /招待/);
    await page.getByLabel('メールアドレス').fill(inviteeEmail);
    const organisation = page.getByLabel('所属する組織');
    const firstOrganisation = await organisation
      .locator('option:not([value=""])')
      .first()
      .getAttribute('value');
    await organisation.selectOption(firstOrganisation ?? '');
    await page.getByLabel('役割').selectOption('center_staff');
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: inviteeEmail }).count()).toBe(1);

    // The outbox view lists the invitation but never shows its link (decision 030).
    await page
      .getByRole('navigation', { name: '職員用メニュー' })
      .getByRole('link', { name: '送信メール' })
      .click();
    await page.waitForURL(/\/admin\/outbox$/);
    await check(page, /送信メール/);
    await page.getByRole('row').filter({ hasText: inviteeEmail }).getByRole('link').click();
    await page.waitForURL(/\/admin\/outbox\/[\w-]+$/);
    await check(page, /招待/);
    await expect
      .poll(() => page.locator('.mail-text').textContent())
      .toContain('リンクは宛先に送るメールにだけ記載します');
    expect(await page.locator('.mail-text a[href*="/invite/"]').count()).toBe(0);

    // The invitee receives the link by mail, over SMTP.
    await expect
      .poll(() => smtp.received.some((mail) => mail.to === inviteeEmail), { timeout: 15_000 })
      .toBe(true);
    const mail = smtp.received.find((received) => received.to === inviteeEmail);
    expect(mail?.subject).toContain('招待');
    const inviteLink = /https?:\/\/\S+\/invite\/[\w-]{20,}/.exec(mail?.text ?? '')?.[0] ?? '';
    expect(inviteLink).toMatch(/\/invite\/[\w-]{20,}$/);

    // The invitee opens the link on their own device.
    const invitee = await browser.newContext({ viewport: phone, locale: 'ja-JP' });
    const newPage = await invitee.newPage();
    await newPage.goto(new URL(new URL(inviteLink).pathname, server.url).toString());
    await check(newPage, /招待の受諾/);
    await expect.poll(() => newPage.getByText(inviteeEmail).count()).toBeGreaterThan(0);
    await newPage.getByLabel('お名前').fill('目黒 看子');
    await newPage.locator('input[name="newPassword"]').fill('kanshi-no-yoru-2026!');
    await newPage.getByLabel('パスワード（確認のためもう一度）').fill('kanshi-no-yoru-2026!');
    await newPage.getByRole('button', { name: /登録して次へ/ }).click();
    await newPage.waitForURL(/\/account\/two-factor/);
    await expect.poll(() => newPage.locator('[data-totp-secret]').count()).toBe(1);
    await check(newPage, /二要素認証の設定/);
    expect(await newPage.locator('img[alt*="QR"]').getAttribute('src')).toMatch(/^data:image\//);
    const secret = (await newPage.locator('[data-totp-secret]').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await newPage.getByLabel('確認コード（6桁）').fill(await freshTotp(secret));
    await newPage.getByRole('button', { name: '設定を完了する' }).click();
    await expect.poll(() => heading(newPage)).toMatch(/設定しました/);
    expect(await newPage.locator('.code-list li').count()).toBeGreaterThanOrEqual(8);
    await check(newPage, /設定しました/);
    await newPage.getByRole('button', { name: '控えたので次へ進む' }).click();
    await newPage.waitForURL(/\/staff$/);
    await expect.poll(() => newPage.getByText('目黒 看子 さんがログイン中').count()).toBe(1);
    await invitee.close();

    // Both the invitation and its acceptance are in the audit log, and in its CSV export.
    await page
      .getByRole('navigation', { name: '職員用メニュー' })
      .getByRole('link', { name: '監査ログ' })
      .click();
    await page.waitForURL(/\/admin\/audit$/);
    await check(page, /監査ログ/);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.filter({ hasText: 'invitation.create' }).count()).toBeGreaterThan(0);
    await expect.poll(() => rows.filter({ hasText: 'invitation.accept' }).count()).toBeGreaterThan(0);
    await page.getByLabel('操作の種類').fill('invitation.');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.waitForURL(/action=invitation\./);
    // The URL changes before the filtered rows arrive: wait for the filtered list itself (reading
    // the unfiltered rows still on screen failed under load).
    await expect
      .poll(async () => ({
        filtered: (await rows.count()) >= 2,
        others: await rows.filter({ hasNotText: 'invitation.' }).count(),
      }))
      .toEqual({ filtered: true, others: 0 });
    const csvHref = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    const csv = await admin.request.get(new URL(csvHref ?? '', server.url).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('invitation.accept');

    await admin.close();
    expect(violations).toEqual({});
  });

  it('switches to English, remembers it, and sets the document language', async () => {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page)).toBe('Staff login');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Staff login｜Home-Care Resource Map');
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Staff login');
    await page.getByLabel('Email address').fill('nobody@example.jp');
    await page.getByLabel('Password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email address or password is wrong.');
    Object.assign(violations, await axeAtBothWidths(page));
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => heading(page)).toBe('関係者ログイン');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await context.close();
    expect(violations).toEqual({});
  });

  it('sends visitors of a staff page to login first and back there afterwards', async () => {
    const staff = DEMO_USERS.find((user) => user.role === 'center_staff');
    if (!staff) throw new Error('the accounts seed has no demo center_staff');
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/audit?outcome=failure`);
    await page.waitForURL(/\/login\?next=%2Fadmin%2Faudit%3Foutcome%3Dfailure$/);
    expect(await heading(page)).toBe('関係者ログイン');
    // Staff pages of other features are guarded by the shell too.
    await page.goto(`${server.url}/staff/directory/review`);
    await page.waitForURL(/\/login\?next=%2Fstaff%2Fdirectory%2Freview$/);

    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/login\?next=%2Faccount$/);
    await page.getByLabel('メールアドレス').fill(staff.email);
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.waitForURL(/\/login\/two-factor\?next=%2Faccount$/);
    await page.getByLabel('確認コード（6桁）').fill(await freshTotp(staff.totpSecret));
    await page.getByRole('button', { name: '確認する' }).click();
    await page.waitForURL(/\/account$/);
    await check(page, /アカウント設定/);
    // Signed-in devices: this browser listed and marked; axe-clean with the list loaded.
    const sessions = page.getByRole('region', { name: 'ログイン中の端末' });
    await expect.poll(() => sessions.getByText('（この端末）').count()).toBeGreaterThan(0);
    expect(await sessions.getByText(/Chrome（Linux）/).count()).toBeGreaterThan(0);
    // Who looked at my data: the access log's rows about this account, or a plain "nothing yet".
    const accesses = page.getByRole('region', { name: 'あなたの情報を見た記録' });
    await expect
      .poll(
        async () =>
          (await accesses.getByTestId('own-access-none').count()) +
          (await accesses.getByTestId('own-access-list').count()),
      )
      .toBe(1);
    Object.assign(violations, await axeAtBothWidths(page));
    // This browser had no device cookie: the sign-in from a new device was mailed over SMTP.
    await expect
      .poll(() => smtp.received.some((mail) => mail.to === staff.email && /新しい端末/.test(mail.subject)), {
        timeout: 15_000,
      })
      .toBe(true);
    // A center_staff member sees no admin links, and an admin page tells them so.
    const staffNav = page.getByRole('navigation', { name: '職員用メニュー' });
    expect(await staffNav.getByRole('link', { name: '監査ログ' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/audit`);
    await expect.poll(() => heading(page)).toBe('このページを見る権限がありません');
    await context.close();
    expect(violations).toEqual({});
  });

  it('keeps the first JavaScript of the public search page within 170 KB gzip and free of staff code', () => {
    const manifest = JSON.parse(readFileSync('dist/web/.vite/manifest.json', 'utf8')) as Record<
      string,
      { file: string; isEntry?: boolean; imports?: string[] }
    >;
    const loaded = new Set<string>();
    const visit = (key: string) => {
      if (loaded.has(key) || !manifest[key]) return;
      loaded.add(key);
      for (const next of manifest[key].imports ?? []) visit(next);
    };
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    expect(entry).toBeDefined();
    visit(entry ?? '');
    visit('features/directory/search/search.page.tsx');
    const files = [...loaded].map((key) => manifest[key]?.file ?? '');
    const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(`dist/web/${file}`)).length, 0);
    console.info(`public search page: initial JavaScript ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
    expect(gzipBytes).toBeLessThanOrEqual(170 * 1024);
    expect([...loaded].some((key) => /features\/(accounts|admin)\//.test(key))).toBe(false);
  });
});
