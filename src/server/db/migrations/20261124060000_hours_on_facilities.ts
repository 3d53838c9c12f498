import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Weekly hours and 第n曜日 closures move from two child tables onto the facility row, as arrays.
 *
 * They are always read and written whole with their facility (a write replaces them all), and the
 * only query that looks inside them, "open at", is scoped to one municipality like every search.
 * As child tables they were 5–6 hours rows and ½ closure row per facility, each with its key and
 * the (municipality, day, open) index: a third of what a large import stored and rebuilt.
 *
 * Shift i is (hours_day[i], hours_open[i], hours_close[i]): day 0 = Sunday … 6 = Saturday, minutes
 * from 00:00 of that day, close past 1440 for a shift running after midnight (18:00–02:00 is
 * 1080–1560), in (day, open) order. hours_shift_notes is empty, or holds one note (or null) per
 * shift. nth_closures holds weekday × 10 + n: {62, 64} = 第2・第4土曜休診.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table facilities
      add column hours_day smallint[] not null default '{}',
      add column hours_open smallint[] not null default '{}',
      add column hours_close smallint[] not null default '{}',
      add column hours_shift_notes text[] not null default '{}',
      add column nth_closures smallint[] not null default '{}'`.execute(db);
  // Element checks the old tables had, as array-wide ones (a CHECK cannot pair elements up: that
  // close follows open is the writers' rule, toHoursRows in the directory).
  await sql`
    alter table facilities add constraint facilities_hours_shape check (
      cardinality(hours_open) = cardinality(hours_day) and cardinality(hours_close) = cardinality(hours_day)
      and cardinality(hours_shift_notes) in (0, cardinality(hours_day))
      and array_position(hours_day, null) is null and 0 <= all(hours_day) and 6 >= all(hours_day)
      and array_position(hours_open, null) is null and 0 <= all(hours_open) and 1439 >= all(hours_open)
      and array_position(hours_close, null) is null and 1 <= all(hours_close) and 2879 >= all(hours_close))`.execute(
    db,
  );
  await sql`
    alter table facilities add constraint facilities_nth_closures check (
      array_position(nth_closures, null) is null and 1 <= all(nth_closures) and 65 >= all(nth_closures))`.execute(
    db,
  );
  // Moving the rows changes no updated_at or version: nothing about the facilities changed.
  await sql`
    update facilities f set hours_day = h.days, hours_open = h.opens, hours_close = h.closes,
      hours_shift_notes = case when h.noted then h.notes else '{}' end
    from (select facility_id, array_agg(day order by day, open_minute) as days,
        array_agg(open_minute order by day, open_minute) as opens,
        array_agg(close_minute order by day, open_minute) as closes,
        array_agg(note order by day, open_minute) as notes, bool_or(note is not null) as noted
      from facility_hours group by facility_id) h
    where h.facility_id = f.id`.execute(db);
  await sql`
    update facilities f set nth_closures = x.codes
    from (select facility_id, array_agg((weekday * 10 + nth)::smallint order by weekday, nth) as codes
      from facility_closures group by facility_id) x
    where x.facility_id = f.id`.execute(db);
  await sql`drop table facility_hours, facility_closures`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table facility_hours (
      facility_id uuid not null references facilities (id) on delete cascade,
      municipality_code char(6) not null,
      day smallint not null check (day between 0 and 6),
      open_minute smallint not null check (open_minute between 0 and 1439),
      close_minute smallint not null,
      note text,
      primary key (facility_id, day, open_minute),
      check (close_minute > open_minute and close_minute <= open_minute + 1440)
    )`.execute(db);
  await sql`
    create table facility_closures (
      facility_id uuid not null references facilities (id) on delete cascade,
      municipality_code char(6) not null,
      weekday smallint not null check (weekday between 0 and 6),
      nth smallint not null check (nth between 1 and 5),
      primary key (facility_id, weekday, nth)
    )`.execute(db);
  await sql`
    insert into facility_hours (facility_id, municipality_code, day, open_minute, close_minute, note)
    select f.id, f.municipality_code, h.day, h.open, h.close, h.note
    from facilities f,
      unnest(f.hours_day, f.hours_open, f.hours_close, f.hours_shift_notes) as h(day, open, close, note)`.execute(
    db,
  );
  await sql`
    insert into facility_closures (facility_id, municipality_code, weekday, nth)
    select f.id, f.municipality_code, c / 10, c % 10 from facilities f, unnest(f.nth_closures) as c`.execute(
    db,
  );
  await sql`
    create index facility_hours_day on facility_hours (municipality_code, day, open_minute)
    include (close_minute, facility_id)`.execute(db);
  await sql`create index facility_closures_day on facility_closures (municipality_code, weekday, nth)`.execute(
    db,
  );
  for (const table of ['facility_hours', 'facility_closures']) {
    await sql`
      create trigger ${sql.raw(`${table}_bump_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function directory_bump_generation()`.execute(db);
  }
  await sql`
    alter table facilities drop constraint facilities_hours_shape, drop constraint facilities_nth_closures,
      drop column hours_day, drop column hours_open, drop column hours_close, drop column hours_shift_notes,
      drop column nth_closures`.execute(db);
}
