import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { withDatabase } from '../../../cli/platform-commands';
import { loadConfig } from '../../platform/config';
import { directoryCommands } from './directory.commands';

// The CLI opens its own database from the configuration, as `npx zaitaku` does.
const dir = mkdtempSync(join(tmpdir(), 'zaitaku-dircli-'));
const databaseName = `t_dircli_${randomBytes(6).toString('hex')}`;
const serverUrl = inject('engine') === 'postgres' ? inject('pgServerUrl') : undefined;
const databaseUrl = serverUrl
  ? Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString()
  : undefined;
const config = loadConfig({
  DATA_DIR: dir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  BASE_URL: 'https://zaitaku.example.jp',
  LOG_LEVEL: 'silent',
});

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return {
      code: await (directoryCommands[0] as (typeof directoryCommands)[number]).run(args, config),
      out: lines.join(''),
    };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

beforeAll(async () => {
  if (serverUrl) await admin(`create database ${databaseName} template zaitaku_template`);
  await withDatabase(config, async ({ db }) => {
    await sql`insert into municipalities (code, name, prefecture) values ('131105', '目黒区', '東京都')`.execute(
      db,
    );
    const [facility] = (
      await sql<{ id: string }>`insert into facilities (municipality_code, type, name, email)
        values ('131105', 'pharmacy', '確認待ちの薬局', 'info@pharmacy.example.jp') returning id`.execute(db)
    ).rows;
    await sql`insert into facility_capabilities (facility_id, municipality_code, code, confirmed_at)
      values (${facility?.id}, '131105', 'home_medication', now() - interval '400 days')`.execute(db);
  });
});
afterAll(async () => {
  if (serverUrl) await admin(`drop database if exists ${databaseName} with (force)`);
  rmSync(dir, { recursive: true, force: true });
});

describe('zaitaku directory remind', () => {
  it('reports a dry run without queueing mail', async () => {
    const result = await run(['remind', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('{"facilities":1,"mailsQueued":0,"skippedWithoutEmail":0}');
  });

  it('queues the reminder mail with the confirmation link of BASE_URL', async () => {
    const result = await run(['remind', '--municipality', '131105']);
    expect(result.out).toContain('"mailsQueued":1');
    const mail = await withDatabase(config, ({ db }) =>
      db.selectFrom('mail_outbox').select(['to_address', 'body_text']).executeTakeFirstOrThrow(),
    );
    expect(mail.to_address).toBe('info@pharmacy.example.jp');
    expect(mail.body_text).toMatch(/https:\/\/zaitaku\.example\.jp\/directory\/confirm\/[A-Za-z0-9_-]{40,}/);
  });

  it('answers with the usage for an unknown subcommand', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
