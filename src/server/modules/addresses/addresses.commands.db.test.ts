import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, cliDatabase } from '../../../../test/support/cli-database';
import { withDatabase } from '../../platform/db/with-database';
import { addressesCommands } from './addresses.commands';

const cli = cliDatabase('addrcli');
const run = (args: string[]) =>
  captureOutput(() => (addressesCommands[0] as (typeof addressesCommands)[number]).run(args, cli.config));
const fixture = (name: string) => resolve(__dirname, '../../../../test/fixtures/abr', name);
const files = [
  'mt_town_city131105.csv',
  'mt_town_pos_city131105.csv',
  'mt_rsdtdsp_blk_city131105.csv',
  'mt_rsdtdsp_blk_pos_city131105.csv',
  'mt_rsdtdsp_rsdt_city131105.csv',
  'mt_rsdtdsp_rsdt_pos_city131105.csv',
].map(fixture);
const countPoints = () =>
  withDatabase(cli.config, async ({ db }) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from address_points`.execute(db);
    return rows[0]?.n;
  });

beforeAll(async () => {
  await cli.create();
  await withDatabase(cli.config, async ({ db }) => {
    await sql`insert into municipalities (code, name, prefecture) values ('131105', '目黒区', '東京都')`.execute(
      db,
    );
  });
});
afterAll(async () => {
  await cli.drop();
});

describe('zaitaku address import', () => {
  it('loads the downloaded registry files and reports the counts', async () => {
    const result = await run(['import', ...files]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('住居 4・街区 4・丁目 3・町 0');
    expect(result.out).toContain('廃止 / abolished 2');
    expect(result.out).toContain('取り込みました / committed');
    expect(await countPoints()).toBe(11);
  });

  it('prints the report as JSON with --json, and says how many rows it replaced', async () => {
    const result = await run(['import', '--json', '--municipality', '131105', ...files]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ municipalityCode: '131105', replaced: 11 });
  });

  it('commits nothing when one file is not a registry file', async () => {
    const other = resolve(tmpdir(), `not-abr-${process.pid}.csv`);
    writeFileSync(other, 'name,address\n診療所,原町1-1\n');
    const result = await run(['import', ...files.slice(0, 2), other]);
    expect(result.code).toBe(1);
    expect(await countPoints()).toBe(11);
  });

  it('takes the zip as downloaded (a zip of CSVs and of zips) and loads the same rows', async () => {
    const result = await run(['import', '--json', fixture('abr-131105.zip')]);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ municipalityCode: '131105', replaced: 11 });
    expect(await countPoints()).toBe(11);
  });

  it('refuses a municipality it does not serve, a damaged zip, and a missing argument', async () => {
    expect((await run(['import', '--municipality', '011002', ...files])).code).toBe(1);
    const zip = resolve(tmpdir(), `abr-${process.pid}.csv.zip`);
    writeFileSync(zip, 'PK');
    const damaged = await run(['import', zip]);
    expect(damaged.code).toBe(2);
    expect(damaged.err).toContain('zip を読めませんでした');
    expect(await countPoints()).toBe(11);
    expect((await run(['import'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
