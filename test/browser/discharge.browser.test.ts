import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, reloadUntilShown, signInAsDemo, startDemoBrowserSuite } from '../support/browser';
import { callApi, demoClinicAndTown } from '../support/browser-api';

const demo = startDemoBrowserSuite();

describe('discharge journey: the gate holds until the family agrees and the family doctor answers, and the council counts it', () => {
  let hospitalContext: BrowserContext;
  let doctorContext: BrowserContext;
  let adminContext: BrowserContext;
  let hospital: Page;
  let doctor: Page;
  let admin: Page;
  let confirmedBefore = 0;
  const patientName = `退院 ジャーニー${Date.now() % 10000}`;
  const violations: Record<string, unknown> = {};

  beforeAll(async () => {
    const options = { viewport: { width: 1280, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' };
    hospitalContext = await demo.browser.newContext(options);
    doctorContext = await demo.browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
    adminContext = await demo.browser.newContext(options);
    hospital = await hospitalContext.newPage();
    doctor = await doctorContext.newPage();
    admin = await adminContext.newPage();
    await signInAsDemo(admin, demo.server.url, 'ward_admin');
    await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
    const before = await callApi<{ total: { changes: { confirmed: number } } }>(
      admin,
      'GET',
      '/api/discharge-figures',
    );
    confirmedBefore = before.total.changes.confirmed;
    await signInAsDemo(hospital, demo.server.url, 'hospital_staff');
    await hospital.waitForURL((url) => !url.pathname.startsWith('/login'));
    // A new patient of the hospital whose family doctor is the demo clinic (found on a demo patient).
    const { clinicOrg, town } = await demoClinicAndTown(hospital);
    expect(clinicOrg).toBeTruthy();
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
    await hospital.goto(`${demo.server.url}/staff/discharge/new?patientId=${created.id}`);
  });
  afterAll(async () => {
    await hospitalContext?.close();
    await doctorContext?.close();
    await adminContext?.close();
  });

  it('opens a case, proposes 訪問診療, is refused, records consent, the doctor agrees from the inbox, the change is confirmed and counted', async () => {
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

    // The family doctor answers from the inbox on a phone, in one step (the notice reaches the
    // inbox through the fan-out job, so the page is reloaded until it is there).
    await signInAsDemo(doctor, demo.server.url, 'clinician', '/staff/inbox');
    await doctor.waitForURL(/\/staff\/inbox/);
    // The module's own list of notices waiting for an answer shows it too (with the reason field).
    await doctor.goto(`${demo.server.url}/staff/discharge/notices`);
    await doctor.locator('article', { hasText: `担当変更の確認：${patientName}` }).waitFor();
    expect(await doctor.getByLabel('異議の理由').count()).toBeGreaterThan(0);
    violations['notices page (phone)'] = await axeViolations(doctor);
    await doctor.goto(`${demo.server.url}/staff/inbox`);
    const card = doctor.locator('article', { hasText: patientName }).filter({
      has: doctor.getByRole('button', { name: '同意します' }),
    });
    expect(await reloadUntilShown(doctor, card)).toBe(1);
    violations['inbox (phone)'] = await axeViolations(doctor);
    await card.getByRole('button', { name: '同意します' }).click();
    await doctor.getByText('回答しました。ありがとうございます。').first().waitFor();

    await hospital.reload();
    await expect
      .poll(() => hospital.getByTestId('change-status').first().textContent())
      .toBe('現担当者が了承');
    await hospital.getByRole('button', { name: '確定する' }).click();
    await expect.poll(() => hospital.getByTestId('change-status').first().textContent()).toBe('確定');

    // The council figures count the confirmed change this month.
    // (signed in since the start of the journey)
    await admin.goto(`${demo.server.url}/figures`);
    const confirmedRow = admin.getByRole('row', { name: /変更の確定/ });
    await confirmedRow.waitFor();
    expect(Number(await confirmedRow.locator('td').last().textContent())).toBe(confirmedBefore + 1);
    violations.figures = await axeViolations(admin);
    expect(violations).toEqual({
      'case page': [],
      'notices page (phone)': [],
      'inbox (phone)': [],
      figures: [],
    });
  });
});
