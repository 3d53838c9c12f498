import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyPayloadOf, copySql } from './copy';

/**
 * The pg pool as Kysely sees it, with one addition: a statement made by copyRows (see copy.ts)
 * runs as a real COPY … FROM STDIN on the same connection (so inside the same transaction).
 */
export function poolWithCopy(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => withCopy(await pool.connect()),
    end: () => pool.end(),
  };
}

function withCopy(client: pg.PoolClient): PostgresPoolClient {
  return {
    query: ((text: unknown, parameters?: readonly unknown[]) => {
      const copy = typeof text === 'string' ? copyPayloadOf(parameters) : undefined;
      if (!copy) return client.query(text as never, parameters as never);
      return runCopy(client, copySql(text as string), copy.bytes);
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

function runCopy(client: pg.PoolClient, statement: string, bytes: Uint8Array<ArrayBuffer>) {
  return new Promise<{ command: string; rowCount: number; rows: never[] }>((resolve, reject) => {
    const stream = client.query(copyFrom(statement));
    stream.on('error', reject);
    stream.on('finish', () => resolve({ command: 'COPY', rowCount: Number(stream.rowCount), rows: [] }));
    stream.end(bytes);
  });
}
