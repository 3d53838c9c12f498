import { sql } from 'kysely';
import type { Executor } from '../../platform/db/schema';

/** The first finalised 紹介状 of each provider change of the municipality, before `before`. */
export async function firstReferralLetters(
  db: Executor,
  municipalityCode: string,
  before: Date,
): Promise<Array<{ providerChangeId: string; at: Date }>> {
  const rows = await db
    .selectFrom('documents')
    .select((eb) => ['provider_change_id', eb.fn.min<Date>('finalised_at').as('at')])
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'referral_letter')
    .where('provider_change_id', 'is not', null)
    .where('finalised_at', 'is not', null)
    .where('finalised_at', '<', before)
    .groupBy('provider_change_id')
    .execute();
  return rows.map((r) => ({ providerChangeId: r.provider_change_id as string, at: new Date(r.at) }));
}

/**
 * Nursing summaries shared (finalised) in the range, per Tokyo month, and how many a reader outside
 * the author's organisation opened within 24 hours. Raw `sql` for `at time zone` with `to_char`, and
 * for the `filter (where …)` aggregate with its interval arithmetic, which the builder has no form for.
 */
export async function nursingSummaryReads(
  db: Executor,
  range: { municipalityCode: string; from: Date; to: Date },
): Promise<Array<{ month: string; shared: number; readWithin24h: number }>> {
  const rows = await db
    .selectFrom('documents as d')
    .select((eb) => [
      // raw sql: the Tokyo month needs `at time zone` inside to_char, which the builder cannot say
      sql<string>`to_char(d.finalised_at at time zone 'Asia/Tokyo', 'YYYY-MM')`.as('month'),
      eb.fn.countAll<string>().as('shared'),
      // raw sql: an aggregate `filter (where exists …)` with `+ interval '24 hours'` has no builder form
      sql<string>`count(*) filter (where exists (
        select 1 from document_receipts r
        where r.document_id = d.id
          and r.reader_organisation_id is distinct from d.author_organisation_id
          and r.read_at <= d.finalised_at + interval '24 hours'))`.as('read_within_24h'),
    ])
    .where('d.municipality_code', '=', range.municipalityCode)
    .where('d.kind', '=', 'nursing_summary')
    .where('d.finalised_at', '>=', range.from)
    .where('d.finalised_at', '<', range.to)
    .groupBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    shared: Number(r.shared),
    readWithin24h: Number(r.read_within_24h),
  }));
}
