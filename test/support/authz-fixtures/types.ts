import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/platform/db/schema';

/**
 * How the authorisation matrix (test/authz-matrix.db.test.ts) reaches a real resource behind a
 * parameterised route. A module adds a file `test/support/authz-fixtures/<module>.ts` exporting
 * `authzFixtures: AuthzFixture[]`; the matrix loads every such file by itself.
 */
export type AuthzFixture = {
  /** `METHOD /api/path/:param`, exactly as in `app.routeTable`. */
  route: string;
  /** Creates a fresh resource owned by `municipalityCode` and returns the route's params. */
  build(ctx: { db: Kysely<Database>; municipalityCode: string }): Promise<Record<string, string>>;
  /**
   * A valid request body for a write route (default `{}`): routes validate their body before they
   * look the record up, so without one the other-municipality cell would be a 400, not the 404.
   */
  body?: unknown;
};
