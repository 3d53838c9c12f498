import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, cliDatabase } from '../../../../test/support/cli-database';
import { withDatabase } from '../../platform/db/with-database';
import { directoryCommands } from './directory.commands';

const cli = cliDatabase('dircli', { BASE_URL: 'https://zaitaku.example.jp' });
const config = cli.config;
const run = (args: string[]) =>
  captureOutput(() => (directoryCommands[0] as (typeof directoryCommands)[number]).run(args, config));

beforeAll(async () => {
  await cli.create();
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
  await cli.drop();
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
    const audit = await withDatabase(config, ({ db }) =>
      db
        .selectFrom('audit_log')
        .select(['actor_label', 'actor_user_id', 'municipality_code'])
        .where('action', '=', 'facility.reminder.send')
        .execute(),
    );
    expect(audit).toEqual([
      { actor_label: 'zaitaku directory remind', actor_user_id: null, municipality_code: '131105' },
    ]);
  });

  it('answers with the usage for an unknown subcommand', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
