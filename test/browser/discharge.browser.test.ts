import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type DemoServer,
  launchBrowser,
  signInAsDemo,
  startDemoServer,
} from '../support/browser';

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

/** A JSON call with the page's own session and CSRF token (setup the pages of another module own). */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken?: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    { method, path, body },
  ) as Promise<T>;
}

describe('discharge journey: the gate holds until the family agrees and the family doctor answers', () => {
  let hospitalContext: BrowserContext;
  let doctorContext: BrowserContext;
  let hospital: Page;
  let doctor: Page;
  const patientName = `退院 ジャーニー${Date.now() % 10000}`;
  const violations: Record<string, unknown> = {};

  beforeAll(async () => {
    const options = { viewport: { width: 1280, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' };
    hospitalContext = await browser.newContext(options);
    doctorContext = await browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
    hospital = await hospitalContext.newPage();
    doctor = await doctorContext.newPage();
    await signInAsDemo(hospital, server.url, 'hospital_staff');
    await hospital.waitForURL((url) => !url.pathname.startsWith('/login'));
    // A new patient of the hospital whose family doctor is the demo clinic (found on a demo patient).
    const list = await callApi<{ items: Array<{ id: string }> }>(hospital, 'GET', '/api/patients');
    let clinicOrg: string | undefined;
    for (const p of list.items) {
      const detail = await callApi<{ circle: Array<{ role: string; organisationId: string | null }> }>(
        hospital,
        'GET',
        `/api/patients/${p.id}`,
      );
      clinicOrg =
        detail.circle.find((m) => m.role === 'family_doctor' && m.organisationId)?.organisationId ??
        undefined;
      if (clinicOrg) break;
    }
    expect(clinicOrg).toBeTruthy();
    const towns = await callApi<{ items?: Array<{ name: string }> } | Array<{ name: string }>>(
      hospital,
      'GET',
      '/api/patients/towns',
    );
    const town = (Array.isArray(towns) ? towns : (towns.items ?? []))[0]?.name ?? '中目黒一丁目';
    const { patient: created } = await callApi<{ patient: { id: string } }>(
      hospital,
      'POST',
      '/api/patients',
      {
        name: patientName,
        nameKana: 'たいいん じゃーにー',
        birthDate: '1938-05-05',
        sex: 'male',
        addressTown: town,
        careLevel: 'care_1',
      },
    );
    await callApi(hospital, 'POST', `/api/patients/${created.id}/circle`, {
      role: 'family_doctor',
      organisationId: clinicOrg,
      mode: 'add',
    });
    await hospital.goto(`${server.url}/staff/discharge/new?patientId=${created.id}`);
  });
  afterAll(async () => {
    await hospitalContext?.close();
    await doctorContext?.close();
  });

  it('opens a case, proposes 訪問診療, is refused, records consent, and confirms after the doctor agrees', async () => {
    await hospital.getByLabel('入院先の病院名').fill('架空総合病院（デモ）');
    await hospital.getByRole('button', { name: '始める' }).click();
    await hospital.waitForURL(/\/staff\/discharge\/[0-9a-f-]{36}$/);
    await expect.poll(() => hospital.getByTestId('case-status').textContent()).toBe('受付');

    await hospital.getByLabel('新しい担当者（医療機関名）').fill('めぐろ在宅クリニック（架空）');
    await hospital.getByRole('button', { name: '提案する' }).click();
    await hospital.getByTestId('change-status').first().waitFor();
    expect(await hospital.getByTestId('change-status').first().textContent()).toBe('提案');

    await hospital.getByRole('button', { name: '確定する' }).click();
    await expect
      .poll(async () => (await hospital.getByRole('alert').allTextContents()).join(' '))
      .toContain('同意が記録されていません');
    violations['case page'] = await axeViolations(hospital);

    await hospital.getByLabel('代理人の氏名と続柄').fill('長男 架空 太郎');
    await hospital.getByLabel('同意の内容').fill('訪問診療に切り替える。かかりつけ医には病院から連絡する。');
    await hospital.getByRole('button', { name: '同意を記録する' }).click();
    await expect.poll(() => hospital.getByTestId('change-status').first().textContent()).toBe('同意済み');
    await hospital.getByRole('button', { name: '現担当者に通知する' }).click();
    await expect
      .poll(() => hospital.getByTestId('change-status').first().textContent())
      .toBe('現担当者の確認待ち');

    await signInAsDemo(doctor, server.url, 'clinician');
    await doctor.waitForURL((url) => !url.pathname.startsWith('/login'));
    await doctor.goto(`${server.url}/staff/discharge/notices`);
    const card = doctor.locator('article', { hasText: `担当変更の確認：${patientName}` });
    await card.waitFor();
    violations['notices page (phone)'] = await axeViolations(doctor);
    await card.getByRole('button', { name: '了承する' }).click();
    // answered: it leaves the list of notices waiting for an answer
    await expect.poll(() => card.count()).toBe(0);

    await hospital.reload();
    await expect
      .poll(() => hospital.getByTestId('change-status').first().textContent())
      .toBe('現担当者が了承');
    await hospital.getByRole('button', { name: '確定する' }).click();
    await expect.poll(() => hospital.getByTestId('change-status').first().textContent()).toBe('確定');
    expect(violations).toEqual({ 'case page': [], 'notices page (phone)': [] });
  });
});
