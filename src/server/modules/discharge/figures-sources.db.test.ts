import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createUser, type TestUser } from '../../../../test/support/factories/accounts';
import {
  createPatientWithCircle,
  insertProviderChange,
  type ProviderChangeRow,
} from '../../../../test/support/factories/discharge';
import type { FiguresResponse } from '../../../contracts/figures';

/** An instant given in Tokyo time, as the council counts its months. */
const jst = (local: string) => new Date(`${local}+09:00`);

/**
 * The two figures whose facts come from referrals and the documents module (lent through
 * registerFiguresSources): their own app, so their changes add to no other test's counts.
 */
describe('the council’s figures that read referrals and documents', () => {
  const d = startDischargeSuite();
  let admin: TestUser;

  const patient = async () => (await createPatientWithCircle(d.t.db, d.s.municipalityCode, [])).id;
  const change = async (values: Pick<ProviderChangeRow, 'status' | 'createdAt'>) =>
    insertProviderChange(d.t.db, {
      ...values,
      municipalityCode: d.s.municipalityCode,
      patientId: await patient(),
    });

  beforeAll(async () => {
    admin = await createUser(d.t.db, { role: 'ward_admin', municipalityCode: d.s.municipalityCode });
  });

  it('shares the changes whose consent was recorded before their first referral or 紹介状, and the summaries read within 24 h', async () => {
    const consent = (changeId: string, recordedAt: Date) =>
      d.t.db
        .insertInto('provider_change_consents')
        .values({
          change_id: changeId,
          municipality_code: d.s.municipalityCode,
          given_by: 'patient',
          representative_name: null,
          given_at: recordedAt,
          method: 'in_person',
          agreed: '訪問診療に切り替える',
          offered_keep_current: true,
          offered_shared_care: true,
          document_ref: null,
          recorded_by: admin.id,
          recorded_by_label: '退院支援看護師',
          recorded_at: recordedAt,
        })
        .execute();
    const referral = async (changeId: string, sentAt: Date) =>
      d.t.db
        .insertInto('referrals')
        .values({
          municipality_code: d.s.municipalityCode,
          patient_id: await patient(),
          provider_change_id: changeId,
          case_id: null,
          role: 'home_visit_doctor',
          recipient_facility_id: d.s.homeVisit.facilityId,
          recipient_organisation_id: d.s.homeVisit.organisationId,
          recipient_label: '訪問クリニック',
          status: 'sent',
          sender_label: '目黒病院',
          created_by: admin.id,
          sent_at: sentAt,
        })
        .execute();
    const document = async (
      kind: 'referral_letter' | 'nursing_summary',
      finalisedAt: Date,
      changeId?: string,
    ) =>
      (
        await d.t.db
          .insertInto('documents')
          .values({
            municipality_code: d.s.municipalityCode,
            patient_id: await patient(),
            case_id: null,
            provider_change_id: changeId ?? null,
            kind,
            status: 'final',
            title: kind === 'referral_letter' ? '紹介状' : '看護サマリー',
            author_organisation_id: d.s.hospital.organisationId,
            created_by: admin.id,
            finalised_at: finalisedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const readBy = async (documentId: string, organisationId: string, readAt: Date) => {
      await d.t.db
        .insertInto('document_versions')
        .values({
          document_id: documentId,
          version: 1,
          status: 'final',
          title: '看護サマリー',
          content: '{}',
          saved_by: admin.id,
          saved_by_label: '看護師',
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await d.t.db
        .insertInto('document_receipts')
        .values({
          municipality_code: d.s.municipalityCode,
          document_id: documentId,
          version: 1,
          reader_user_id: randomUUID(),
          reader_label: '読んだ人',
          reader_organisation_id: organisationId,
          reader_organisation_label: null,
          read_at: readAt,
        })
        .execute();
    };

    // August: consent then referral (counts); an override's letter with no consent (does not);
    // a letter finalised two hours before the consent, then a referral after it: the letter was
    // first, so it does not count either.
    const first = await change({ status: 'confirmed', createdAt: jst('2026-08-01T08:00:00') });
    await consent(first, jst('2026-08-01T09:00:00'));
    await referral(first, jst('2026-08-02T09:00:00'));
    const overridden = await change({ status: 'confirmed_override', createdAt: jst('2026-08-02T08:00:00') });
    await document('referral_letter', jst('2026-08-03T09:00:00'), overridden);
    const early = await change({ status: 'confirmed', createdAt: jst('2026-08-04T08:00:00') });
    await document('referral_letter', jst('2026-08-05T10:00:00'), early);
    await consent(early, jst('2026-08-05T12:00:00'));
    await referral(early, jst('2026-08-06T09:00:00'));
    // September: one summary read by the family doctor after 23 h; one read at once by its own
    // ward (not a recipient) and by the family doctor only after 48 h.
    const quick = await document('nursing_summary', jst('2026-09-01T09:00:00'));
    await readBy(quick, d.s.familyDoctor.organisationId, jst('2026-09-02T08:00:00'));
    const slow = await document('nursing_summary', jst('2026-09-01T09:00:00'));
    await readBy(slow, d.s.hospital.organisationId, jst('2026-09-01T09:30:00'));
    await readBy(slow, d.s.familyDoctor.organisationId, jst('2026-09-03T09:00:00'));

    const { body: f } = await d.api.as(admin).get<FiguresResponse>('/api/discharge-figures?fiscalYear=8');
    const month = (m: string) => f.months.find((row) => row.month === m)!;
    expect(month('2026-08').consentBeforeReferral).toEqual({
      pending: false,
      value: { numerator: 1, denominator: 3, ratio: 0.333 },
    });
    expect(month('2026-09').nursingSummariesReadWithin24h).toEqual({
      pending: false,
      value: { numerator: 1, denominator: 2, ratio: 0.5 },
    });
    expect(f.total.consentBeforeReferral.value).toMatchObject({ numerator: 1, denominator: 3 });
    expect(f.total.nursingSummariesReadWithin24h.value).toMatchObject({ numerator: 1, denominator: 2 });
    expect(month('2026-07').consentBeforeReferral).toEqual({
      pending: false,
      value: { numerator: 0, denominator: 0, ratio: null },
    });
  });
});
