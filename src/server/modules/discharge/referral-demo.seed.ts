import type { ReferralSendBody } from '../../../contracts/referrals';
import { DEMO_EMAILS, demoOrganisationId } from '../../demo/demo-context';
import type { RequestContext } from '../../platform/context';
import type { ModuleDeps } from '../../platform/module';
import { acceptReferral, createReferral, sendReferral } from './referral.service';

/**
 * Two referrals on one demo case, through the module's own use cases (notices, audit and access
 * log as in real use): one sent to a visiting-nurse station and waiting, one accepted by another
 * (recorded by the hospital from the station's phone call: demo stations have no accounts), so the
 * case page shows the capacity signals, the duplicate warning and both states on first sign-in.
 */
export async function seedReferralDemo(
  deps: ModuleDeps,
  hospital: RequestContext,
  municipalityCode: string,
  log: (line: string) => void,
): Promise<void> {
  const kase = await deps.db
    .selectFrom('discharge_cases as c')
    .select(['c.id', 'c.patient_id'])
    .where('c.municipality_code', '=', municipalityCode)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('provider_changes as p').select('p.id').whereRef('p.case_id', '=', 'c.id')),
      ),
    )
    .orderBy('c.created_at')
    .orderBy('c.id')
    .executeTakeFirst();
  const stations = await deps.db
    .selectFrom('facilities as f')
    .leftJoin('facility_capacity as k', 'k.facility_id', 'f.id')
    .select(['f.id'])
    .where('f.municipality_code', '=', municipalityCode)
    .where('f.type', '=', 'visiting_nurse_station')
    .where('f.status', '=', 'active')
    .orderBy((eb) => eb.case().when('k.signal', 'is', null).then(1).else(0).end())
    .orderBy('f.name_kana')
    .limit(2)
    .execute();
  const [first, second] = stations;
  if (!kase || !first || !second) return;
  const agreement = {
    givenBy: 'representative' as const,
    method: 'in_person' as const,
    givenAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    note: '長女（架空・デモ）が訪問看護の利用に同意',
  };
  const draft = (facilityId: string) =>
    createReferral(deps, hospital, {
      patientId: kase.patient_id,
      caseId: kase.id,
      role: 'visiting_nurse',
      recipientFacilityId: facilityId,
      note: '退院後、週2回の訪問看護を希望（デモ）',
    });
  const waiting = await draft(first.id);
  await sendReferral(deps, hospital, waiting.id, { agreement });
  const answered = await draft(second.id);
  await sendReferral(deps, hospital, answered.id, { agreement });
  await acceptReferral(deps, hospital, answered.id);
  log('  discharge: 紹介 2 件（送信済み・受け入れ、架空・デモ） / fictional referrals');
  if (await seedIncomingForClinician(deps, hospital, municipalityCode, agreement)) {
    log('  discharge: デモ医師への紹介 1 件（受信待ち、架空・デモ） / a fictional incoming referral');
  }
  if (await seedDentalDeskReferral(deps, hospital, municipalityCode, agreement)) {
    log(
      '  discharge: 歯科医師会の紹介窓口への紹介 1 件（指名待ち、架空・デモ） / a fictional referral to the dental desk',
    );
  }
}

/**
 * A かかりつけ歯科医 referral sent to the dental association's desk (the accounts demo's
 * organisation of kind association), on a demo case of the hospital whose patient has no dentist
 * and no referral on that case yet: the desk account finds it in its incoming referrals and inbox
 * on first sign-in and names a dentist of the directory, which completes it for the hospital.
 */
export async function seedDentalDeskReferral(
  deps: ModuleDeps,
  hospital: RequestContext,
  municipalityCode: string,
  agreement: NonNullable<ReferralSendBody>['agreement'],
): Promise<boolean> {
  const deskOrg = await demoOrganisationId(deps, municipalityCode, DEMO_EMAILS.dentalDesk);
  if (!deskOrg) return false;
  const kase = await deps.db
    .selectFrom('discharge_cases as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select(['c.id', 'c.patient_id'])
    .where('c.municipality_code', '=', municipalityCode)
    .where('p.fictional', '=', true)
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(eb.selectFrom('provider_changes as x').select('x.id').whereRef('x.case_id', '=', 'c.id')),
        ),
        eb.not(eb.exists(eb.selectFrom('referrals as r').select('r.id').whereRef('r.case_id', '=', 'c.id'))),
        eb.not(
          eb.exists(
            eb
              .selectFrom('care_circle_memberships as m')
              .select('m.id')
              .whereRef('m.patient_id', '=', 'c.patient_id')
              .where('m.role', '=', 'family_dentist')
              .where('m.valid_to', 'is', null),
          ),
        ),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .executeTakeFirst();
  if (!kase) return false;
  const referral = await createReferral(deps, hospital, {
    patientId: kase.patient_id,
    caseId: kase.id,
    role: 'family_dentist',
    associationOrganisationId: deskOrg,
    note: '退院後に通える（または訪問できる）かかりつけ歯科医の紹介をお願いします。義歯の調整が必要です（デモ）',
  });
  await sendReferral(deps, hospital, referral.id, { agreement });
  return true;
}

/**
 * A referral for 訪問診療 sent to the demo clinician's clinic (linked to a directory facility by the
 * directory demo), for a demo patient of the hospital with no home-visit doctor and outside the
 * clinic's circle: the clinician finds it under incoming referrals on first sign-in.
 */
export async function seedIncomingForClinician(
  deps: ModuleDeps,
  hospital: RequestContext,
  municipalityCode: string,
  agreement: NonNullable<ReferralSendBody>['agreement'],
): Promise<boolean> {
  const clinicOrg = await demoOrganisationId(deps, municipalityCode, DEMO_EMAILS.clinician);
  if (!clinicOrg) return false;
  const clinic = await deps.db
    .selectFrom('organisations')
    .select('facility_id')
    .where('id', '=', clinicOrg)
    .executeTakeFirst();
  if (!clinic?.facility_id) return false;
  const hospitalOrg = hospital.actor?.memberships[0]?.organisationId ?? '';
  const patient = await deps.db
    .selectFrom('patients as p')
    .select('p.id')
    .where('p.municipality_code', '=', municipalityCode)
    .where('p.fictional', '=', true)
    .where('p.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('care_circle_memberships as h')
          .select('h.id')
          .whereRef('h.patient_id', '=', 'p.id')
          .where('h.role', '=', 'admitting_hospital')
          .where('h.organisation_id', '=', hospitalOrg)
          .where('h.valid_to', 'is', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('care_circle_memberships as m')
            .select('m.id')
            .whereRef('m.patient_id', '=', 'p.id')
            .where('m.valid_to', 'is', null)
            .where((w) =>
              w.or([
                w('m.role', '=', 'home_visit_doctor'),
                w('m.organisation_id', '=', clinicOrg),
                w('m.facility_id', '=', clinic.facility_id as string),
              ]),
            ),
        ),
      ),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .executeTakeFirst();
  if (!patient) return false;
  const referral = await createReferral(deps, hospital, {
    patientId: patient.id,
    role: 'home_visit_doctor',
    recipientFacilityId: clinic.facility_id,
    note: '退院後の訪問診療をお願いできますか（デモ）',
  });
  await sendReferral(deps, hospital, referral.id, { agreement });
  return true;
}
