import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { visibleStaffNavItems } from '../../src/web/app/staff-nav';
import { axeViolations, reloadUntilShown, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
type Findings = Record<string, Array<{ id: string; help: string; nodes: number }>>;

/**
 * WCAG A/AA (with the CSP check) plus the two best-practice landmark rules a new user's screen
 * reader tripped over (issue 13 §4): content outside every landmark, and landmarks of one kind
 * with the same (or no) name.
 */
async function staffAxe(
  page: Page,
  found: Findings,
  label: string,
  widths: ReadonlyArray<readonly ['phone' | 'desktop', { width: number; height: number }]> = [
    ['phone', phone],
    ['desktop', desktop],
  ],
): Promise<void> {
  for (const [name, size] of widths) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    const landmarks = await new AxeBuilder({ page }).withRules(['region', 'landmark-unique']).analyze();
    const violations = [
      ...(await axeViolations(page)),
      ...landmarks.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length })),
    ];
    if (violations.length > 0) found[`${label} @${name}`] = violations;
  }
}

type StaffRole = 'ward_admin' | 'facility_editor';
const sessions = new Map<StaffRole, Promise<Page>>();

/**
 * One signed-in page per demo role for the whole file: a second sign-in within the same 30 s
 * would reuse the TOTP code, which the server rightly refuses.
 */
function signedIn(role: StaffRole): Promise<Page> {
  let page = sessions.get(role);
  if (!page) {
    page = (async () => {
      const context = await demo.browser.newContext({
        viewport: phone,
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
      });
      const created = await context.newPage();
      await signInAsDemo(created, demo.server.url, role);
      await created.waitForURL(/\/staff$/);
      return created;
    })();
    sessions.set(role, page);
  }
  return page;
}

/** Opens a staff page and waits until its heading is drawn and its requests are answered. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${demo.server.url}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('an editor’s change rejected with a reason, read in the inbox and on the facility page', () => {
  const findings: Findings = {};
  const reason = 'FAX番号は施設の代表番号を記載してください。';
  const proposedFax = '03-5555-0199';

  it('shows the editor its pending request with what it changes', async () => {
    const page = await signedIn('facility_editor');
    await open(page, '/staff/directory/my-facility');
    await page.getByLabel('FAX番号').fill(proposedFax);
    await page.getByRole('button', { name: '変更を申請する' }).click();
    await expect.poll(() => page.getByText(/変更を申請しました。/).isVisible()).toBe(true);
    // The demo's editor has a request of its own pending already; this one is told by its FAX.
    const pending = page.locator('.dir-own-request').filter({ hasText: proposedFax });
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.locator('tbody tr').filter({ hasText: 'FAX番号' }).textContent()).toContain(
      proposedFax,
    );
    expect(await pending.getByRole('button', { name: 'この申請を取り下げる' }).count()).toBe(1);
    await staffAxe(page, findings, 'my facility with a pending request');
  });

  it('lets the ward admin reject it with a reason', async () => {
    const page = await signedIn('ward_admin');
    await page.setViewportSize(desktop);
    await open(page, '/staff/directory/review?source=editor&status=pending');
    await page.locator('tbody tr').filter({ hasText: 'FAX番号' }).first().getByRole('link').click();
    await expect.poll(() => page.locator('.dir-diff ins').filter({ hasText: proposedFax }).count()).toBe(1);
    await page.getByLabel('理由').fill(reason);
    await page.getByRole('button', { name: '却下する' }).click();
    await expect.poll(() => page.getByText('却下しました。').isVisible()).toBe(true);
    await staffAxe(page, findings, 'review request rejected');
  });

  it('tells the editor in the inbox, with the reason, and its page shows the rejection', async () => {
    const page = await signedIn('facility_editor');
    await open(page, '/staff/inbox');
    const notice = page.locator('.inbox-item').filter({ hasText: '変更の申請が差し戻されました' });
    // The notice reaches the inbox through the platform's fan-out job.
    await reloadUntilShown(page, notice);
    expect(await notice.first().textContent()).toContain(`理由：${reason}`);
    expect(await page.getByRole('link', { name: /^受信箱（未読 \d+ 件）$/ }).count()).toBe(1);
    await staffAxe(page, findings, 'inbox');

    await open(page, '/staff/directory/my-facility');
    const rejection = page.locator('.alert').filter({ hasText: '変更申請は却下されました' });
    await expect.poll(() => rejection.count()).toBe(1);
    expect(await rejection.textContent()).toContain(reason);
    expect(await page.locator('.dir-own-request').filter({ hasText: proposedFax }).count()).toBe(0);
  });

  it('lets the editor withdraw a new request, which leaves the ward’s queue', async () => {
    const page = await signedIn('facility_editor');
    await open(page, '/staff/directory/my-facility');
    const admin = await signedIn('ward_admin');
    const queued = async () => {
      await open(admin, '/staff/directory/review?source=editor&status=pending');
      return admin.locator('main tbody tr').filter({ hasText: 'FAX番号' }).count();
    };
    const before = await queued();
    const second = '03-5555-0200';
    await page.getByLabel('FAX番号').fill(second);
    await page.getByRole('button', { name: '変更を申請する' }).click();
    const request = page.locator('.dir-own-request').filter({ hasText: second });
    await expect.poll(() => request.count()).toBe(1);
    expect(await queued()).toBe(before + 1);
    await request.getByRole('button', { name: 'この申請を取り下げる' }).click();
    await expect.poll(() => page.getByText(/申請を取り下げました。/).isVisible()).toBe(true);
    await expect.poll(() => request.count()).toBe(0);
    await staffAxe(page, findings, 'my facility after a withdrawal');
    expect(await queued()).toBe(before);
  });

  it('finds no accessibility or landmark violations on these pages', () => {
    expect(findings).toEqual({});
  });
});

describe('every staff page without landmark findings', () => {
  for (const role of ['facility_editor', 'ward_admin'] as const) {
    it(`has no region or landmark-unique (or WCAG) finding on the ${role}'s staff pages`, async () => {
      const findings: Findings = {};
      const page = await signedIn(role);
      const paths = ['/staff', '/staff/inbox', ...visibleStaffNavItems([role]).map((item) => item.to)];
      for (const path of paths) {
        await open(page, path);
        // One width per page keeps the sweep in time; the journey above checks both.
        await staffAxe(page, findings, path, [['desktop', desktop]]);
      }
      if (role === 'facility_editor') {
        await open(page, '/staff/directory/my-facility');
        const history = await page.getByRole('link', { name: '変更履歴を見る' }).getAttribute('href');
        await open(page, history ?? '');
        await staffAxe(page, findings, 'facility history', [['desktop', desktop]]);
      }
      expect(findings).toEqual({});
    }, 300_000);
  }
});
