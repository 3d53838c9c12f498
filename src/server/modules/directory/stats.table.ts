import type { Generated } from 'kysely';

/** Facility page views per day. No IP, no cookie, no user: only counts. */
export interface DirectoryDailyViewsTable {
  municipality_code: string;
  /** Tokyo calendar day, 'YYYY-MM-DD'. */
  day: string;
  facility_id: string;
  views: Generated<number>;
}

/** Searches per day and combination of filters; zero_result marks unmet demand. */
export interface DirectoryDailySearchesTable {
  municipality_code: string;
  day: string;
  /** Normalised keywords joined by a space, at most 50 characters; '' = no keyword. */
  query_key: string;
  district_code: string;
  /** Sorted capability codes joined by ','. */
  capability_codes: string;
  facility_types: string;
  zero_result: boolean;
  searches: Generated<number>;
}

declare module '../../platform/db/schema' {
  interface Database {
    directory_daily_views: DirectoryDailyViewsTable;
    directory_daily_searches: DirectoryDailySearchesTable;
  }
}
