import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  NoResultError,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Database } from '../../src/server/platform/db/schema';

/**
 * A Kysely on the PostgreSQL dialect with no database behind it: every statement is recorded and
 * answered with no rows. Query functions that execute (rather than return a builder) run as they
 * would, so what is recorded is the SQL they send, in order.
 */
class CapturingDriver implements Driver {
  constructor(private readonly sent: CompiledQuery[]) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const sent = this.sent;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        sent.push(query);
        return { rows: [] };
      },
      // No database, so a stream has nothing to yield.
      async *streamQuery() {},
    };
  }
  // A transaction costs nothing here: begin and commit are not the query function's SQL.
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** What one example call of a query function is, for the snapshot. */
export type QueryCase = {
  /** The heading in the .sql file: the function, and the variant when there are several. */
  name: string;
  /** Calls the function on the capturing database; a returned builder is compiled, not run. */
  run: (db: Kysely<Database>) => unknown;
};

/** The SQL one case sends (or, for a builder it returns, would send). */
export async function captureSql(run: QueryCase['run']): Promise<string[]> {
  return (await captureQueries(run)).map((q) => q.sql);
}

/** The statements one case sends, with their parameters (a plan test runs them under EXPLAIN). */
export async function captureQueries(run: QueryCase['run']): Promise<CompiledQuery[]> {
  const sent: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new CapturingDriver(sent),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  try {
    const result = await Promise.resolve(run(db)).catch((error: unknown) => {
      // `executeTakeFirstOrThrow` finds no row here; its SQL has been recorded all the same.
      if (error instanceof NoResultError) return undefined;
      throw error;
    });
    if (isCompilable(result)) sent.push(result.compile());
  } finally {
    await db.destroy();
  }
  return sent;
}

function isCompilable(value: unknown): value is { compile(): CompiledQuery } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { compile?: unknown }).compile === 'function'
  );
}

const BREAK_BEFORE = [
  'with',
  'select',
  'from',
  'inner join',
  'left join',
  'cross join',
  'join',
  'where',
  'group by',
  'having',
  'order by',
  'limit',
  'offset',
  'insert into',
  'values',
  'on conflict',
  'update',
  'set',
  'delete from',
  'returning',
  'for update',
  'union all',
  'union',
];
const KEYWORD = new RegExp(`^(?:${BREAK_BEFORE.map((k) => k.replace(' ', '\\s+')).join('|')})\\b`, 'i');

/**
 * A readable, stable layout of one statement: runs of whitespace become one space, and a line
 * breaks before each clause keyword of a query, indented by parenthesis depth. Inside a function's
 * parentheses (`json_agg(… order by …)`, `over (order by …)`) nothing breaks unless a subquery
 * starts there. Quoted text is never touched: only whitespace outside quotes changes (`sameSql`).
 */
export function formatSql(statement: string): string {
  const text = statement.trim();
  let out = '';
  let quote: string | null = null;
  // One entry per open parenthesis: does it hold a query (line breaks) or a call's arguments?
  const frames: Array<'query' | 'call'> = [];
  const breaksHere = () => frames.length === 0 || frames[frames.length - 1] === 'query';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (/\s/.test(ch)) {
      if (!/[ \n(]$/.test(out)) out += ' ';
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    if (ch === '(') frames.push(/[\w\]"]\s*$/.test(out) ? 'call' : 'query');
    if (ch === ')') {
      frames.pop();
      out = out.trimEnd();
    }
    const keyword = /[ (]$/.test(out) || out === '' ? KEYWORD.exec(text.slice(i)) : null;
    if (keyword) {
      const word = keyword[0].replace(/\s+/g, ' ').toLowerCase();
      if ((word === 'select' || word === 'with') && frames.length > 0) frames[frames.length - 1] = 'query';
      if (breaksHere() && out !== '') out = `${out.trimEnd()}\n${'  '.repeat(frames.length)}`;
      out += keyword[0].replace(/\s+/g, ' ');
      i += keyword[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Same statement, whatever the layout outside quotes (formatting changed only whitespace). */
export const sameSql = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
