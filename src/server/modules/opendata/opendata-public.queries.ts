import type { Executor } from '../../platform/db/schema';
import '../../platform/municipality.table';
import './opendata.table';

export type DataVersionRow = { known: boolean; n: number; last: Date | null; confirmed: Date | null };

/**
 * In one round trip: whether the municipality exists, how many facilities it has and when the last
 * one changed, and the last capability confirmation (which changes without touching the facility).
 */
export async function findDataVersion(db: Executor, code: string): Promise<DataVersionRow> {
  return db
    .selectNoFrom((eb) => [
      eb
        .exists(eb.selectFrom('municipalities').select('code').where('code', '=', code))
        // PostgreSQL answers a boolean (SqlBool also allows MySQL's 0/1).
        .$castTo<boolean>()
        .as('known'),
      eb
        .selectFrom('facilities')
        .select((f) => f.cast<number>(f.fn.countAll(), 'integer').as('n'))
        .where('municipality_code', '=', code)
        .$asScalar()
        .$notNull()
        .as('n'),
      eb
        .selectFrom('facilities')
        .select((f) => f.fn.max('updated_at').as('last'))
        .where('municipality_code', '=', code)
        .as('last'),
      eb
        .selectFrom('facility_capabilities')
        .select((f) => f.fn.max('confirmed_at').as('confirmed'))
        .where('municipality_code', '=', code)
        .as('confirmed'),
    ])
    .executeTakeFirstOrThrow();
}
