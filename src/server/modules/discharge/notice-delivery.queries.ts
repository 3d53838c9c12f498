import type { Executor } from '../../platform/db/schema';
import '../directory';

/** What a notice's inbox text names: the patient, the hospital, the role being changed. */
export function findNoticeSubject(executor: Executor, noticeId: string) {
  return executor
    .selectFrom('case_notices as n')
    .innerJoin('patients as p', 'p.id', 'n.patient_id')
    .leftJoin('provider_changes as pc', 'pc.id', 'n.provider_change_id')
    .leftJoin('discharge_cases as c', (join) =>
      join.on((eb) => eb('c.id', '=', eb.fn.coalesce('n.case_id', 'pc.case_id'))),
    )
    .select([
      'p.name as patient_name',
      'c.hospital_name',
      'c.hospital_organisation_id',
      'c.opened_by_organisation_id',
      'pc.role',
      'pc.to_label',
    ])
    .where('n.id', '=', noticeId)
    .executeTakeFirstOrThrow();
}

/**
 * The directory entry a notice's recipient is reached through: the facility itself, or the one
 * the recipient organisation is linked to (its phone and FAX number).
 */
export function findRecipientFacility(
  executor: Executor,
  notice: { recipient_facility_id: string | null; recipient_organisation_id: string | null },
) {
  return executor
    .selectFrom('facilities as f')
    .select(['f.id', 'f.name', 'f.phone', 'f.fax'])
    .where((eb) =>
      eb.or([
        eb('f.id', '=', notice.recipient_facility_id ?? '00000000-0000-0000-0000-000000000000'),
        eb(
          'f.id',
          '=',
          eb
            .selectFrom('organisations')
            .select('facility_id')
            .where('id', '=', notice.recipient_organisation_id ?? '00000000-0000-0000-0000-000000000000'),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** The phone number of an organisation's directory entry (the hospital's, on a FAX sheet). */
export async function findOrganisationPhone(executor: Executor, organisationId: string | null) {
  if (!organisationId) return undefined;
  const row = await executor
    .selectFrom('organisations as o')
    .leftJoin('facilities as f', 'f.id', 'o.facility_id')
    .select(['o.name', 'f.name as facility_name', 'f.phone'])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
  return row ? { name: row.facility_name ?? row.name, phone: row.phone } : undefined;
}
