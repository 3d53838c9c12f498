import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import {
  createPatientWithCircle,
  notifiedSceneChange,
  openSceneCase,
} from '../../../../test/support/factories/discharge';
import type { FaxSheet, NoticeLinkView } from '../../../contracts/notices';
import { maskPatientName } from './notice-link.service';

type Err = { error: { code: string } };

describe('the FAX sheet and its one-time link', () => {
  const d = startDischargeSuite({ BASE_URL: 'https://zaitaku.example.jp' });

  beforeAll(async () => {
    await d.t.db
      .updateTable('facilities')
      .set({ fax: '03-1111-2222' })
      .where('id', '=', d.s.careManagerFacilityId)
      .execute();
    await d.t.db
      .updateTable('facilities')
      .set({ phone: '03-3333-4444' })
      .where('id', '=', d.s.hospital.facilityId)
      .execute();
  });

  /** A patient whose family doctor is a clinic without an account but with a FAX number. */
  async function faxedChange() {
    const patient = await createPatientWithCircle(d.t.db, d.s.municipalityCode, [
      { role: 'family_doctor', facilityId: d.s.careManagerFacilityId, personName: '山手 医師' },
      {
        role: 'admitting_hospital',
        facilityId: d.s.hospital.facilityId,
        organisationId: d.s.hospital.organisationId,
      },
      { role: 'support_center', organisationId: d.s.center.organisationId },
    ]);
    const opened = await openSceneCase(d.api, d.s, patient.id);
    return { patient, ...(await notifiedSceneChange(d.t.db, d.api, d.s, patient.id, opened.id)) };
  }
  const tokenOf = (sheet: FaxSheet) => sheet.url.split('/notice-answer/')[1] as string;

  it('masks the name to the family name', () => {
    expect(maskPatientName('目黒 太郎')).toBe('目黒 ○○ 様');
    expect(maskPatientName('目黒　花子')).toBe('目黒 ○○ 様');
    expect(maskPatientName('太郎')).toBe('太 ○○ 様');
  });

  it('prints a sheet with the masked name, a one-time link and QR code, the hospital’s phone, and nothing clinical', async () => {
    const { patient, notice } = await faxedChange();
    expect(notice.channel).toBe('fax');
    const res = await d.api
      .as(d.s.hospital.staff)
      .post<FaxSheet>(`/api/discharge-notices/${notice.id}/fax-sheet`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sheet = res.body;
    expect(sheet.maskedPatientName).toBe(maskPatientName(patient.name));
    expect(JSON.stringify(sheet)).not.toContain(patient.name);
    expect(sheet.url).toMatch(/^https:\/\/zaitaku\.example\.jp\/notice-answer\/[A-Za-z0-9_-]{43}$/);
    expect(sheet.qrSvg).toContain('<svg');
    expect(sheet.hospitalPhone).toBe('03-3333-4444');
    expect(sheet.recipientFax).toBe('03-1111-2222');
    // only the hash is kept
    const stored = await d.t.db
      .selectFrom('case_notice_links')
      .select('token_hash')
      .where('notice_id', '=', notice.id)
      .execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(tokenOf(sheet));
    const status = await d.t.db
      .selectFrom('case_notices')
      .select('status')
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('sent');
    // a doctor outside the circle cannot print it; an inbox notice has no sheet
    expect((await d.api.as(d.s.outsider).post(`/api/discharge-notices/${notice.id}/fax-sheet`)).status).toBe(
      403,
    );
  });

  it('takes one answer without an account, audited, and refuses the link afterwards', async () => {
    const { changeId, notice } = await faxedChange();
    const sheet = (
      await d.api.as(d.s.hospital.staff).post<FaxSheet>(`/api/discharge-notices/${notice.id}/fax-sheet`)
    ).body;
    const token = tokenOf(sheet);
    const view = await d.api.anonymous.get<NoticeLinkView>(`/api/notice-links/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ needsAnswer: true, hospitalPhone: '03-3333-4444' });

    const noAnswer = await d.api.anonymous.post<Err>(`/api/notice-links/${token}/answer`, { name: '山手' });
    expect(noAnswer.body.error.code).toBe('notice.answer_required');
    const objection = await d.api.anonymous.post<Err>(`/api/notice-links/${token}/answer`, {
      name: '山手',
      answer: 'object',
    });
    expect(objection.status).toBe(400);

    const ok = await d.api.anonymous.post(`/api/notice-links/${token}/answer`, {
      name: '山手 医師',
      answer: 'agree',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const change = await d.t.db
      .selectFrom('provider_changes')
      .select('status')
      .where('id', '=', changeId)
      .executeTakeFirstOrThrow();
    expect(change.status).toBe('acknowledged');
    const after = await d.t.db
      .selectFrom('case_notices')
      .select('status')
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('acknowledged');
    const audited = await d.t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('record_id', '=', notice.id)
      .where('action', '=', 'discharge.notice.acknowledge_by_link')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actor_label).toContain('山手 医師');
    // The access log has the link's view and answer too (not only the audit chain), basis fax_link;
    // the refused attempts rolled back with their transactions.
    const accessed = await d.t.db
      .selectFrom('access_log')
      .select(['action', 'basis', 'actor_label', 'municipality_code', 'patient_id'])
      .where('record_type', '=', 'case_notice')
      .where('record_id', '=', notice.id)
      .where('basis', '=', 'fax_link')
      .orderBy('id')
      .execute();
    expect(accessed.map((r) => r.action)).toEqual(['read', 'write']);
    expect(accessed[1]?.actor_label).toContain('山手 医師');
    expect(accessed.every((r) => r.municipality_code === d.s.municipalityCode)).toBe(true);
    expect(accessed.every((r) => r.patient_id === notice.patient_id)).toBe(true);

    const again = await d.api.anonymous.post<Err>(`/api/notice-links/${token}/answer`, {
      name: '山手',
      answer: 'agree',
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('notice.link_invalid');
    expect((await d.api.anonymous.get(`/api/notice-links/${token}`)).status).toBe(404);
  });

  it('retires the older link when the sheet is printed again, and refuses an expired one', async () => {
    const { notice } = await faxedChange();
    const first = (
      await d.api.as(d.s.hospital.staff).post<FaxSheet>(`/api/discharge-notices/${notice.id}/fax-sheet`)
    ).body;
    const second = (
      await d.api.as(d.s.hospital.staff).post<FaxSheet>(`/api/discharge-notices/${notice.id}/fax-sheet`)
    ).body;
    expect((await d.api.anonymous.get(`/api/notice-links/${tokenOf(first)}`)).status).toBe(404);
    expect((await d.api.anonymous.get(`/api/notice-links/${tokenOf(second)}`)).status).toBe(200);
    await d.t.db
      .updateTable('case_notice_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('notice_id', '=', notice.id)
      .execute();
    expect((await d.api.anonymous.get(`/api/notice-links/${tokenOf(second)}`)).status).toBe(404);
  });
});
