import type { Kysely } from 'kysely';
import type { AgeBand, ContactCreateBody, GapFlag, RoutingTarget } from '../../../contracts/consultations';
import type { Database, Executor } from '../../platform/db/schema';
import '../../modules/consultations/consultation.table';

/** The municipality's 包括 centres (the windows), in name order. */
export function listDemoWindows(executor: Executor, municipalityCode: string) {
  return executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'community_support_center')
    .orderBy('name')
    .execute();
}

export function listDemoDistricts(executor: Executor, municipalityCode: string) {
  return executor
    .selectFrom('directory_districts')
    .select('code')
    .where('municipality_code', '=', municipalityCode)
    .orderBy('sort_order')
    .execute();
}

/**
 * A demo consultation of a window without demo accounts, with its contacts, written directly (no
 * account recorded it: `opened_by` and `recorded_by` are null, the label says so).
 */
export async function insertDemoConsultation(
  db: Kysely<Database>,
  input: {
    municipalityCode: string;
    organisationId: string;
    subject: { name?: string; ageBand: AgeBand; districtCode?: string; livesInWard: 'yes' | 'unknown' };
    flags: GapFlag[];
    routedTo: RoutingTarget | null;
    closed: boolean;
    contacts: ContactCreateBody[];
  },
): Promise<void> {
  const times = input.contacts.map((c) => new Date(c.occurredAt));
  const label = 'デモ職員（架空）';
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('consultations')
      .values({
        municipality_code: input.municipalityCode,
        organisation_id: input.organisationId,
        subject_name: input.subject.name ?? null,
        subject_kana: null,
        age_band: input.subject.ageBand,
        district_code: input.subject.districtCode ?? null,
        lives_in_ward: input.subject.livesInWard,
        patient_id: null,
        gap_flags: input.flags,
        routed_to: input.routedTo,
        routed_note: null,
        status: input.closed ? 'closed' : 'open',
        opened_by: null,
        opened_by_label: label,
        first_contact_at: times[0] as Date,
        last_contact_at: times[times.length - 1] as Date,
        closed_at: input.closed ? (times[times.length - 1] as Date) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consultation_contacts')
      .values(
        input.contacts.map((c) => ({
          municipality_code: input.municipalityCode,
          consultation_id: row.id,
          occurred_at: new Date(c.occurredAt),
          channel: c.channel,
          consulter: c.consulter,
          institution_facility_id: null,
          institution_name: c.institution?.name ?? null,
          institution_in_ward: c.institution ? c.institution.inWard : null,
          referral_source: c.referralSource ?? null,
          topics: c.topics,
          responses: c.responses,
          summary: c.summary,
          follow_up_on: c.followUpOn ?? null,
          recorded_by: null,
          recorded_by_label: label,
        })),
      )
      .execute();
  });
}
