import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { CatalogTable } from './backup-catalog.queries';
import type { BackupHeader, BackupLine, BackupRow, SequenceState, TableSection } from './backup-format';
import { orderRowsForSelfReference } from './table-order';

// Stays far below PostgreSQL's 65,535 bind parameters per statement.
const MAX_PARAMETERS = 30_000;
const MAX_BATCH_ROWS = 500;

export type LoadSummary = { tables: number; rows: number };

/** Where rows of the current table go: the target's own column types and identity flags. */
type Target = {
  section: TableSection;
  table: CatalogTable;
  types: string[];
  batch: BackupRow[];
  /** Rows of a self-referencing table are held until the table is complete, then ordered. */
  holdAll: boolean;
  loaded: number;
};

/**
 * Loads the rows of a backup inside the caller's transaction: user triggers are disabled while
 * loading (so an insert trigger cannot add rows twice and the audit log's append-only guard does
 * not refuse clearing it), the backup's tables are emptied, rows are inserted parents first, and
 * sequences are set. Any mismatch throws and the transaction rolls back whole.
 */
export class RestoreLoader {
  private current: Target | undefined;
  private tables = 0;
  private rows = 0;
  private ended = false;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly catalog: CatalogTable[],
    private readonly header: BackupHeader,
    private readonly path: string,
  ) {}

  /** Checks that the target has every table of the backup, switches triggers off and empties them. */
  async begin(): Promise<void> {
    for (const name of this.header.tables) {
      if (!this.catalog.some((t) => t.name === name)) throw mismatch(name);
    }
    for (const name of this.header.tables) {
      // raw sql: here and below, triggers, identity sequences and `overriding system value` are DDL
      // and catalog functions on tables the backup names at run time, which the builder cannot write.
      await sql`alter table ${ref(name)} disable trigger user`.execute(this.trx);
    }
    for (const name of [...this.header.tables].reverse()) {
      // raw sql: delete from a table named at run time (dynamic table name).
      await sql`delete from ${ref(name)}`.execute(this.trx);
    }
  }

  async accept(line: BackupLine, lineNumber: number): Promise<void> {
    if (line.kind === 'row') {
      if (!this.current) throw this.invalid(lineNumber, 'a row before any table');
      if (line.row.length !== this.current.types.length)
        throw this.invalid(lineNumber, 'wrong number of values');
      this.current.batch.push(line.row);
      if (!this.current.holdAll && this.current.batch.length >= this.batchSize()) await this.flush();
      return;
    }
    await this.finishTable(lineNumber);
    if (line.kind === 'table') this.startTable(line.section, lineNumber);
    else if (line.kind === 'sequences') await this.setSequences(line.sequences);
    else {
      if (line.tables !== this.tables || line.rows !== this.rows) {
        throw this.invalid(lineNumber, `end marker says ${line.tables} tables / ${line.rows} rows`);
      }
      this.ended = true;
    }
  }

  /** Re-enables the triggers and moves identity sequences past every restored id. */
  async finish(): Promise<LoadSummary> {
    if (!this.ended) throw this.invalid(0, 'no end marker');
    for (const table of this.header.tables.map((n) => this.catalog.find((t) => t.name === n)!)) {
      // raw sql: DDL on a table named at run time.
      await sql`alter table ${ref(table.name)} enable trigger user`.execute(this.trx);
      for (const column of table.columns.filter((c) => c.identity)) {
        // raw sql: setval and pg_get_serial_sequence on a run-time table and column: catalog functions.
        await sql`
          select setval(s.seq, greatest(coalesce(pg_sequence_last_value(s.seq), 1), m.top))
          from (select pg_get_serial_sequence(${`public.${table.name}`}, ${column.name})::regclass as seq) s,
               (select max(${sql.ref(column.name)}) as top from ${ref(table.name)}) m
          where m.top is not null`.execute(this.trx);
      }
    }
    return { tables: this.tables, rows: this.rows };
  }

  private startTable(section: TableSection, lineNumber: number): void {
    const table = this.catalog.find((t) => t.name === section.table);
    if (!table || !this.header.tables.includes(section.table)) throw mismatch(section.table);
    if (this.tables >= this.header.tables.length || this.header.tables[this.tables] !== section.table) {
      throw this.invalid(lineNumber, `table ${section.table} out of the header's order`);
    }
    const types = section.columns.map((c) => {
      const column = table.columns.find((t) => t.name === c.name);
      if (!column) throw mismatch(`${section.table}.${c.name}`);
      return column.type;
    });
    this.current = {
      section,
      table,
      types,
      batch: [],
      holdAll: table.selfReferences.length > 0,
      loaded: 0,
    };
  }

  private async finishTable(lineNumber: number): Promise<void> {
    const current = this.current;
    if (!current) return;
    if (current.holdAll) current.batch = this.orderSelfReferencing(current);
    while (current.batch.length > 0) await this.flush();
    if (current.loaded !== current.section.rows) {
      throw this.invalid(
        lineNumber,
        `table ${current.section.table}: ${current.loaded} of ${current.section.rows} rows`,
      );
    }
    this.tables++;
    this.rows += current.loaded;
    this.current = undefined;
  }

  private orderSelfReferencing(target: Target): BackupRow[] {
    const index = (name: string) => target.section.columns.findIndex((c) => c.name === name);
    const links = target.table.selfReferences.map((r) => ({
      from: r.columns.map(index),
      to: r.references.map(index),
    }));
    // Keys are prefixed with the foreign key's number: two keys may reference different columns.
    const keyOf = (row: BackupRow, n: number, idx: number[]) =>
      idx.some((i) => i < 0 || row[i] === null)
        ? undefined
        : `${n}:${JSON.stringify(idx.map((i) => row[i]))}`;
    return orderRowsForSelfReference(
      target.batch,
      (row) => links.map((l, n) => keyOf(row, n, l.to)),
      (row) => links.map((l, n) => keyOf(row, n, l.from)),
    );
  }

  private batchSize(): number {
    const columns = Math.max(1, this.current?.types.length ?? 1);
    return Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  }

  private async flush(): Promise<void> {
    const current = this.current!;
    const rows = current.batch.splice(0, this.batchSize());
    if (rows.length === 0) return;
    // raw sql: the backup's own column names, known only at run time.
    const columns = current.section.columns.map((c) => sql.ref(c.name));
    // Text in, the type's own input function out: the exact inverse of the backup's `::text`.
    const values = rows.map(
      // raw sql: text cast to each column's catalog type name (sql.raw of a type read from pg_attribute).
      (row) => sql`(${sql.join(row.map((v, i) => sql`${v}::text::${sql.raw(current.types[i]!)}`))})`,
    );
    // raw sql: OVERRIDING SYSTEM VALUE has no builder form.
    const overriding = current.table.columns.some((c) => c.identity) ? sql` overriding system value` : sql``;
    // raw sql: an insert into a table named at run time.
    await sql`insert into ${ref(current.table.name)} (${sql.join(columns)})${overriding}
              values ${sql.join(values)}`.execute(this.trx);
    current.loaded += rows.length;
  }

  private async setSequences(sequences: SequenceState[]): Promise<void> {
    for (const s of sequences) {
      // raw sql: to_regclass of a sequence named in the backup: a catalog function.
      const { rows } = await sql<{ present: boolean }>`
        select to_regclass(${`public.${s.name}`}) is not null as present`.execute(this.trx);
      if (!rows[0]?.present) throw mismatch(s.name);
      // raw sql: setval on a sequence named in the backup.
      await sql`select setval(${`public.${s.name}`}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(
        this.trx,
      );
    }
  }

  private invalid(lineNumber: number, problem: string): AppError {
    return new AppError('backup.invalid_file', {
      file: this.path,
      line: lineNumber,
      hint: `${this.path}: ${lineNumber} 行目 / line ${lineNumber}: ${problem}`,
    });
  }
}

// raw sql: every backup table is named at run time, outside the Database interface.
const ref = (table: string) => sql.table(`public.${table}`);

function mismatch(what: string): AppError {
  return new AppError('backup.schema_mismatch', {
    missing: what,
    hint: `復元先に ${what} がありません / ${what} is missing in the target`,
  });
}
