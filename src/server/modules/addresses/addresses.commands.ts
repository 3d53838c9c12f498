import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressImportReport } from '../../../contracts/addresses';
import { addressesErrors } from '../../../contracts/addresses-errors';
import { isValidMunicipalityCode } from '../../../contracts/municipality-code';
import type { CliCommand } from '../../platform/cli-command';
import { withDatabase } from '../../platform/db/with-database';
import { isAppError } from '../../platform/errors';
import { importAddressRegistry } from './address-import.service';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const USAGE = 'zaitaku address import <file.csv…> [--municipality 131105] [--json]';

function printReport(report: AddressImportReport): void {
  for (const f of report.files) out(`${f.file}: ${f.kind} ${f.rows} 行 / rows`);
  const s = report.stored;
  out(
    `取り込み / stored: 住居 ${s.residence}・街区 ${s.block}・丁目 ${s.chome}・町 ${s.town}（置き換えた行 / replaced: ${report.replaced}）`,
  );
  const k = report.skipped;
  out(
    `取り込まなかった行 / left out: 廃止 / abolished ${k.abolished}、位置なし / no position ${k.withoutPosition}、名前なし / no name ${k.withoutName}、ほかの自治体 / other municipalities ${report.otherMunicipalities}`,
  );
  out('取り込みました / committed');
}

/**
 * `zaitaku address import`: loads the address base registry CSVs the ward downloaded (unzipped)
 * for the tenant's municipality, replacing what was loaded before, all or nothing.
 */
async function runImport(args: string[], config: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { municipality: { type: 'string' }, json: { type: 'boolean' } },
  });
  const municipalityCode = values.municipality ?? config.DEFAULT_MUNICIPALITY;
  if (positionals.length === 0) {
    err(`使い方 / usage: ${USAGE}`);
    return 2;
  }
  if (!isValidMunicipalityCode(municipalityCode)) {
    err(`全国地方公共団体コードが正しくありません / invalid municipality code: ${municipalityCode}`);
    return 2;
  }
  for (const file of positionals) {
    if (!existsSync(file) || !statSync(file).isFile()) {
      err(`ファイルが見つかりません。パスを確認してください / file not found: ${file}`);
      return 1;
    }
    if (/\.zip$/iu.test(file)) {
      err(`zip は展開してから CSV を指定してください / unzip first and give the CSV: ${file}`);
      return 2;
    }
  }
  const files = positionals.map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));
  return withDatabase(config, async ({ db }) => {
    try {
      const ctx = { requestId: 'cli-address-import', clientIp: '127.0.0.1', municipalityCode };
      const report = await importAddressRegistry({ db }, ctx, { municipalityCode, files, actorLabel: 'cli' });
      if (values.json) out(JSON.stringify(report));
      else printReport(report);
      return 0;
    } catch (error) {
      if (!isAppError(error) || !(error.code in addressesErrors)) throw error;
      const entry = addressesErrors[error.code as keyof typeof addressesErrors];
      err(`${entry.ja} / ${entry.en} [${error.code}] ${JSON.stringify(error.details ?? {})}`);
      err('何も取り込みませんでした / nothing was committed');
      return 1;
    }
  });
}

export const addressesCommands: CliCommand[] = [
  {
    name: 'address',
    summary: '住所データ（アドレス・ベース・レジストリ）を取り込む / import the address base registry',
    usage: USAGE,
    async run(args, config) {
      const [sub, ...rest] = args;
      if (sub !== 'import') {
        err(`使い方 / usage: ${USAGE}`);
        return 2;
      }
      return runImport(rest, config);
    },
  },
];
