import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAsDemo, startDemoBrowserSuite } from '../support/browser';
import { callApi, demoClinicAndTown } from '../support/browser-api';

const demo = startDemoBrowserSuite();
const PAGE = 50;

/** Every notice waiting for the signed-in user's answer, through the API the page uses. */
async function allPending(page: Page): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const body: { items: Array<{ id: string }>; nextCursor: string | null } = await callApi(
      page,
      'GET',
      `/api/discharge-notices/pending?${query}`,
    );
    ids.push(...body.items.map((n) => n.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

describe('the family doctor’s pending notices in the browser', () => {
  let hospitalContext: BrowserContext;
  let doctorContext: BrowserContext;
  let hospital: Page;
  let doctor: Page;

  beforeAll(async () => {
    const options = { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' };
    hospitalContext = await demo.browser.newContext(options);
    doctorContext = await demo.browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
    hospital = await hospitalContext.newPage();
    doctor = await doctorContext.newPage();
    await signInAsDemo(doctor, demo.server.url, 'clinician');
    await doctor.waitForURL((url) => !url.pathname.startsWith('/login'));
    await signInAsDemo(hospital, demo.server.url, 'hospital_staff');
    await hospital.waitForURL((url) => !url.pathname.startsWith('/login'));
    // The demo clinic (the clinician's), found as the family doctor of a demo patient.
    const { clinicOrg, town } = await demoClinicAndTown(hospital);
    expect(clinicOrg).toBeTruthy();
    // More notices than one page, whatever the demo seeds: each admission tells the family doctor.
    const seeded = (await allPending(doctor)).length;
    for (let i = 0; i < Math.max(0, PAGE + 3 - seeded); i++) {
      const { patient } = await callApi<{ patient: { id: string } }>(hospital, 'POST', '/api/patients', {
        name: `通知 テスト${i + 1}`,
        nameKana: 'つうち てすと',
        birthDate: '1941-02-03',
        sex: 'female',
        addressTown: town,
        careLevel: 'care_2',
      });
      await callApi(hospital, 'POST', `/api/patients/${patient.id}/circle`, {
        role: 'family_doctor',
        organisationId: clinicOrg,
        mode: 'add',
      });
      await callApi(hospital, 'POST', '/api/discharge-cases', {
        patientId: patient.id,
        hospitalName: '架空総合病院（デモ）',
        admittedOn: '2026-11-20',
      });
    }
  });
  afterAll(async () => {
    await hospitalContext?.close();
    await doctorContext?.close();
  });

  it('shows the first page, then the rest with the list’s button by keyboard, each notice once, axe-clean', async () => {
    const expected = await allPending(doctor);
    expect(expected.length).toBeGreaterThan(PAGE);
    await doctor.goto(`${demo.server.url}/staff/discharge/notices`);
    const cards = doctor.locator('article.notice-card');
    await expect.poll(() => cards.count()).toBe(PAGE);
    expect(await axeViolations(doctor)).toEqual([]);

    const more = doctor.getByRole('button', { name: 'さらに表示する' });
    await more.focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => cards.count()).toBe(expected.length);
    const shown = await cards.evaluateAll((nodes) =>
      nodes.map((n) => (n.getAttribute('aria-labelledby') ?? '').replace(/^notice-/, '')),
    );
    expect(shown).toEqual(expected);
    expect(await more.count()).toBe(0);
    expect(await axeViolations(doctor)).toEqual([]);
  });
});
