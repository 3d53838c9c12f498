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
}
