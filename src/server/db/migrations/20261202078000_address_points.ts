import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/** The precision levels of a point; repeated from contracts/addresses.ts (a unit test compares them). */
export const ADDRESS_POINT_LEVELS = ['residence', 'block', 'chome', 'town'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Representative points of the Digital Agency's address base registry (アドレス・ベース・レジストリ),
  // loaded by the ward from the downloaded files (`zaitaku address import`): 町字 (with or without
  // 丁目), 住居表示の街区 and 住居. One row per registry key; the import replaces a municipality's rows.
  await sql`
    create table address_points (
      municipality_code char(6) not null references municipalities (code),
      machiaza_id text not null check (machiaza_id ~ '^[0-9]{7}$'),
      blk_id text not null default '' check (blk_id ~ '^[0-9]{0,3}$'),
      rsdt_id text not null default '' check (rsdt_id ~ '^[0-9]{0,3}$'),
      rsdt2_id text not null default '' check (rsdt2_id ~ '^[0-9]{0,2}$'),
      level text not null check (level in (${sql.join(ADDRESS_POINT_LEVELS.map((l) => sql.lit(l)))})),
      town_name text not null check (length(town_name) between 1 and 100),
      town_key text not null check (length(town_key) between 1 and 100),
      chome integer check (chome between 1 and 99),
      block text check (length(block) between 1 and 20),
      residence text check (length(residence) between 1 and 20),
      residence2 text check (length(residence2) between 1 and 20),
      lat double precision not null check (lat between -90 and 90),
      lng double precision not null check (lng between -180 and 180),
      imported_at timestamptz not null,
      primary key (municipality_code, machiaza_id, blk_id, rsdt_id, rsdt2_id),
      check ((level = 'residence') = (residence is not null)),
      check ((level in ('residence', 'block')) = (block is not null))
    )`.execute(db);
  // A typed address is looked up by its town's normalised name and then its numbers.
  await sql`
    create index address_points_lookup_idx
      on address_points (municipality_code, town_key, chome, block, residence)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table address_points`.execute(db);
}
