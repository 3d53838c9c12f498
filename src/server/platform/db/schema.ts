import type { Kysely, Transaction } from 'kysely';

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

/**
 * What a query function runs on: the database, or the caller's transaction. Query functions take an
 * `Executor` so the use case decides the transaction and the queries never open one of their own.
 */
export type Executor = Kysely<Database> | Transaction<Database>;
