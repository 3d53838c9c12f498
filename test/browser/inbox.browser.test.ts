import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, reloadUntilShown, signInAsDemo, startDemoBrowserSuite } from '../support/browser';

const demo = startDemoBrowserSuite();

async function onPhone(): Promise<Page> {
  const context = await demo.browser.newContext({ locale: 'ja-JP', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signInAsDemo(page, demo.server.url, 'clinician', '/staff/inbox');
  await page.waitForURL(/\/staff\/inbox/);
  return page;
}

describe('the inbox in the browser', () => {
  it('shows the family doctor the unread badge and answers a provider change from a 320 px phone, axe-clean', async () => {
    const page = await onPhone();
    await page.getByRole('heading', { name: '受信箱', level: 1 }).waitFor();
    // the demo's notices reach the inbox through the fan-out job
    const agree = page.getByRole('button', { name: '同意します' });
    await reloadUntilShown(page, agree);
    const badge = page.getByRole('link', { name: /^受信箱（未読 \d+ 件）$/ });
    expect(await badge.count()).toBe(1);
    const before = Number((await badge.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    expect(before).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // large targets on a phone: at least 44 px high, inside the 320 px screen
    const box = await agree.first().boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);

    // an objection needs its reason first
    const object = page.getByRole('button', { name: '異議があります（理由）' }).first();
    expect(await object.isDisabled()).toBe(true);

    await agree.first().click();
    await page.getByText('回答しました。ありがとうございます。').first().waitFor();
    await expect
      .poll(async () => Number((await badge.getAttribute('aria-label'))?.match(/\d+/)?.[0]))
      .toBeLessThan(before);
    expect(await axeViolations(page)).toEqual([]);

    // an admission notice is acknowledged from the inbox in one step, and keyboard-usable
    const ack = page.getByRole('button', { name: '確認しました' }).first();
    const done = await page.getByText('確認済み').count();
    await ack.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('確認済み').count()).toBeGreaterThan(done);
  }, 120_000);
});
