import { CompiledQuery, type Kysely } from 'kysely';
import { captureQueries, type QueryCase } from '../queries/sql-capture';

/** One node of an `EXPLAIN (format json)` plan: the fields the plan tests read. */
export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
};

/** Every node of a plan, depth first. */
export function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** The plan the database makes for `query` (with its parameters), without running it. */
export async function explain<DB>(db: Kysely<DB>, query: CompiledQuery): Promise<PlanNode> {
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
  );
  const plan = rows[0]?.['QUERY PLAN'];
  // PostgreSQL's driver parses the json; PGlite hands it over as text.
  const root = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: PlanNode }>;
  const first = root[0];
  if (!first) throw new Error(`no plan for ${query.sql}`);
  return first.Plan;
}

/** The plan of the one statement a query function sends (compiled on the capturing database). */
export async function planOfCall<DB>(db: Kysely<DB>, run: QueryCase['run']): Promise<PlanNode> {
  const [query, ...more] = await captureQueries(run);
  if (!query || more.length > 0) throw new Error('expected exactly one statement');
  return explain(db, query);
}
