import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { keysetAfter, keysetPage } from './pagination';
import type { Database } from './schema';
import '../mail/outbox.table';
import '../inbox/inbox.table';

/** The PostgreSQL dialect with no database: the tests only compile. */
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
afterAll(() => db.destroy());

const at = new Date('2026-12-02T01:02:03.456Z');
const id = '0193a1b2-0000-7000-8000-000000000001';

describe('keysetPage: the ORDER BY pair and the row after the cursor', () => {
  it('newest first: (created_at, id) < the position, both keys descending', () => {
    const query = db
      .selectFrom('mail_outbox')
      .select('id')
      .where('municipality_code', '=', '131105')
      .$call((q) => keysetPage(q, ['created_at', 'id'], 'desc', { sort: at, id }))
      .limit(51)
      .compile();
    expect(query.sql).toBe(
      'select "id" from "mail_outbox" where "municipality_code" = $1 and ("created_at", "id") < ($2, $3) order by "created_at" desc, "id" desc limit $4',
    );
    expect(query.parameters).toEqual(['131105', at, id, 51]);
  });

  it('in text order: (email, id) > the position, both keys ascending, columns of an alias', () => {
    const query = db
      .selectFrom('users as u')
      .select('u.id')
      .$call((q) => keysetPage(q, ['u.email', 'u.id'], 'asc', { sort: 'a@example.jp', id }))
      .compile();
    expect(query.sql).toBe(
      'select "u"."id" from "users" as "u" where ("u"."email", "u"."id") > ($1, $2) order by "u"."email" asc, "u"."id" asc',
    );
    expect(query.parameters).toEqual(['a@example.jp', id]);
  });

  it('the first page: the order only, no comparison', () => {
    const query = db
      .selectFrom('mail_outbox')
      .select('id')
      .$call((q) => keysetPage(q, ['created_at', 'id'], 'desc', undefined))
      .compile();
    expect(query.sql).toBe('select "id" from "mail_outbox" order by "created_at" desc, "id" desc');
    expect(query.parameters).toEqual([]);
  });

  it('a pair as the sort (the inbox): an expression, then a column, then the id', () => {
    const unreadFirst = sql<boolean>`(read_at is null)`;
    const query = db
      .selectFrom('inbox_notices')
      .select('id')
      .$call((q) => keysetPage(q, [[unreadFirst, 'created_at'], 'id'], 'desc', { sort: [true, at], id }))
      .compile();
    expect(query.sql).toBe(
      'select "id" from "inbox_notices" where ((read_at is null), "created_at", "id") < ($1, $2, $3) order by (read_at is null) desc, "created_at" desc, "id" desc',
    );
    expect(query.parameters).toEqual([true, at, id]);
  });
});

describe('keysetAfter: the comparison alone, where the caller writes its own order', () => {
  it('compiles < for desc and > for asc', () => {
    for (const [direction, op] of [
      ['desc', '<'],
      ['asc', '>'],
    ] as const) {
      const query = db
        .selectFrom('mail_outbox')
        .select('id')
        .where((eb) => keysetAfter(eb, ['created_at', 'id'], direction, { sort: at, id }))
        .compile();
      expect(query.sql).toBe(`select "id" from "mail_outbox" where ("created_at", "id") ${op} ($1, $2)`);
      expect(query.parameters).toEqual([at, id]);
    }
  });
});

/**
 * Never called, read by the typecheck: each call below fails `tsc` without its @ts-expect-error,
 * so the typecheck fails when the keys stop being checked against the table or the position
 * against the keys' columns.
 */
function _illTypedKeysets() {
  const base = db.selectFrom('mail_outbox').select('id');
  return [
    // @ts-expect-error created_at is a Date, not a text
    base.$call((q) => keysetPage(q, ['created_at', 'id'], 'desc', { sort: 'yesterday', id })),
    // @ts-expect-error mail_outbox has no updated_at
    base.$call((q) => keysetPage(q, ['updated_at', 'id'], 'desc', undefined)),
    // @ts-expect-error a pair sort takes a pair of values
    base.$call((q) => keysetPage(q, [['status', 'created_at'], 'id'], 'desc', { sort: at, id })),
  ];
}
