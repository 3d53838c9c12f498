/**
 * The database as Kysely sees it. Each module adds its tables by declaration merging from its
 * `<thing>.table.ts` file:
 *
 *   declare module '../../platform/db/schema' { interface Database { facilities: FacilityTable } }
 *
 * so that no module edits another's file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module
export interface Database {}
