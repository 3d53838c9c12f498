import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/schema';

/** One municipality, and a half-open range of instants [from, to) (month starts in Asia/Tokyo). */
export type FiguresRange = { municipalityCode: string; from: Date; to: Date };

// Months are the council's months: the Tokyo calendar month of the instant, not UTC's.
function monthOf(column: Expression<Date | null>): RawBuilder<string> {
  // raw sql: the builder has no form for `at time zone` (to_char's format follows it).
  return sql<string>`to_char(${column} at time zone 'Asia/Tokyo', 'YYYY-MM')`;
}

/** Cases discharged in the range per month; in the ward = the hospital is the ward's own directory entry. */
export function countDischarges(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('discharge_cases as c')
    .leftJoin('facilities as f', 'f.id', 'c.hospital_facility_id')
    .select((eb) => [
      monthOf(eb.ref('c.discharged_at')).as('month'),
      eb.fn.countAll<string>().as('total'),
      eb.fn
        .countAll<string>()
        .filterWhereRef('f.municipality_code', '=', 'c.municipality_code')
        .as('in_ward'),
    ])
    .where('c.municipality_code', '=', range.municipalityCode)
    .where('c.discharged_at', '>=', range.from)
    .where('c.discharged_at', '<', range.to)
    .groupBy('month')
    .execute();
}

/** Provider changes proposed per month. */
export function countProposedChanges(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('provider_changes')
    .select((eb) => [monthOf(eb.ref('created_at')).as('month'), eb.fn.countAll<string>().as('n')])
    .where('municipality_code', '=', range.municipalityCode)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy('month')
    .execute();
}

/** Provider changes that ended in the range, per month and end state (confirmed, kept, shared…). */
export function countClosedChanges(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('provider_changes')
    .select((eb) => [monthOf(eb.ref('closed_at')).as('month'), 'status', eb.fn.countAll<string>().as('n')])
    .where('municipality_code', '=', range.municipalityCode)
    .where('closed_at', '>=', range.from)
    .where('closed_at', '<', range.to)
    .where('status', 'in', ['confirmed', 'confirmed_override', 'kept_current', 'shared_care'])
    .groupBy(['month', 'status'])
    .execute();
}

/**
 * For the cases discharged in the range: their notices to the circle (at admission, and to the
 * incumbent of each provider change of the case) and how many reached the recipient before the
 * discharge. Reached = the earliest of sent, read, acknowledged (`least` skips nulls), so a queued
 * notice nobody has seen does not count as told.
 */
export function countToldBeforeDischarge(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('case_notices as n')
    .leftJoin('provider_changes as pc', 'pc.id', 'n.provider_change_id')
    .innerJoin('discharge_cases as c', (join) =>
      join.on((eb) => eb('c.id', '=', eb.fn.coalesce('n.case_id', 'pc.case_id'))),
    )
    .select((eb) => [
      monthOf(eb.ref('c.discharged_at')).as('month'),
      eb.fn.countAll<string>().as('total'),
      eb.fn
        .countAll<string>()
        .filterWhere(
          eb(
            eb.fn<Date | null>('least', ['n.sent_at', 'n.read_at', 'n.acknowledged_at']),
            '<',
            eb.ref('c.discharged_at'),
          ),
        )
        .as('told'),
    ])
    .where('c.municipality_code', '=', range.municipalityCode)
    .where('n.municipality_code', '=', range.municipalityCode)
    .where('c.discharged_at', '>=', range.from)
    .where('c.discharged_at', '<', range.to)
    .where('n.kind', 'in', ['admission', 'provider_change'])
    .groupBy('month')
    .execute();
}

/**
 * Median and p90 hours from sending to acknowledgment of the notices acknowledged in the range, per
 * month and (the grouping set `()`, month null) over the whole range: percentiles do not add up, so
 * the total is computed, not summed. A notice never marked sent counts from when it was queued.
 */
export function summariseAcknowledgments(db: Executor, range: FiguresRange) {
  // raw sql: the builder has no form for `extract(epoch from …)` (an interval in seconds).
  const hours = sql`extract(epoch from (acknowledged_at - coalesce(sent_at, created_at))) / 3600.0`;
  return (
    db
      .selectFrom('case_notices')
      .select((eb) => [
        // null on the grouping set `()`: the whole range's row
        monthOf(eb.ref('acknowledged_at')).$castTo<string | null>().as('month'),
        eb.fn.countAll<string>().as('n'),
        // raw sql: an ordered-set aggregate (`within group (order by …)`) has no builder form.
        sql<string | null>`percentile_cont(0.5) within group (order by ${hours})`.as('median'),
        sql<string | null>`percentile_cont(0.9) within group (order by ${hours})`.as('p90'), // raw sql: as above
      ])
      .where('municipality_code', '=', range.municipalityCode)
      .where('acknowledged_at', '>=', range.from)
      .where('acknowledged_at', '<', range.to)
      // raw sql: the builder's groupBy has no `grouping sets` (the month rows and the total row at once).
      .groupBy(sql`grouping sets ((${monthOf(sql.ref('acknowledged_at'))}), ())`)
      .execute()
  );
}

/** Provider changes escalated (the incumbent's silence past the deadline) per month. */
export function countEscalations(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('provider_changes')
    .select((eb) => [monthOf(eb.ref('escalated_at')).as('month'), eb.fn.countAll<string>().as('n')])
    .where('municipality_code', '=', range.municipalityCode)
    .where('escalated_at', '>=', range.from)
    .where('escalated_at', '<', range.to)
    .groupBy('month')
    .execute();
}

/** Overrides of the gate per month and reason code. */
export function countOverrides(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('provider_change_overrides')
    .select((eb) => [
      monthOf(eb.ref('created_at')).as('month'),
      'reason_code',
      eb.fn.countAll<string>().as('n'),
    ])
    .where('municipality_code', '=', range.municipalityCode)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy(['month', 'reason_code'])
    .execute();
}

/** Notices recorded per month and channel (inbox, e-mail, FAX, phone). */
export function countChannels(db: Executor, range: FiguresRange) {
  return db
    .selectFrom('case_notices')
    .select((eb) => [monthOf(eb.ref('created_at')).as('month'), 'channel', eb.fn.countAll<string>().as('n')])
    .where('municipality_code', '=', range.municipalityCode)
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy(['month', 'channel'])
    .execute();
}

/** The first referral sent for each provider change of the municipality, before `before`. */
export function firstReferralsOfChanges(db: Executor, municipalityCode: string, before: Date) {
  return db
    .selectFrom('referrals')
    .select((eb) => ['provider_change_id', eb.fn.min<Date>('sent_at').as('at')])
    .where('municipality_code', '=', municipalityCode)
    .where('provider_change_id', 'is not', null)
    .where('sent_at', 'is not', null)
    .where('sent_at', '<', before)
    .groupBy('provider_change_id')
    .execute();
}

/** When the consent of each of the given provider changes was recorded (the gate reads the record). */
export async function consentTimesOf(db: Executor, changeIds: string[]) {
  if (changeIds.length === 0) return [];
  return db
    .selectFrom('provider_change_consents')
    .select(['change_id', 'recorded_at'])
    .where('change_id', 'in', changeIds)
    .execute();
}
