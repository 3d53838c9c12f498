import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressImportReport } from '../../../contracts/addresses';
import { addressesErrors } from '../../../contracts/addresses-errors';
import { isValidMunicipalityCode } from '../../../contracts/municipality-code';
import type { CliCommand } from '../../platform/cli-command';
import { withDatabase } from '../../platform/db/with-database';
import { isAppError } from '../../platform/errors';
import { readZip, ZipError } from '../../platform/files/zip-reader';
import { importAddressRegistry } from './address-import.service';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const USAGE = 'zaitaku address import <file.csv|file.zip…> [--municipality 131105] [--json]';

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

type RegistryFile = { name: string; text: string };

/**
 * The CSVs in what the ward downloaded: a CSV as it is; a zip (the registry hands out one per
 * dataset, and bundles of them as a zip of zips) opened, its CSVs taken and anything else skipped.
 */
function registryFiles(name: string, bytes: Buffer): RegistryFile[] {
  if (!/\.zip$/iu.test(name)) return [{ name, text: bytes.toString('utf8') }];
  const found = readZip(bytes).flatMap((entry) =>
    /\.(csv|zip)$/iu.test(entry.name) ? registryFiles(`${name}/${entry.name}`, entry.data) : [],
  );
  if (found.length === 0) throw new ZipError(`${name} に CSV がありません / holds no CSV`);
  return found;
}

/**
 * `zaitaku address import`: loads the address base registry files the ward downloaded (CSV or zip)
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
  }
  let files: RegistryFile[];
  try {
    files = positionals.flatMap((file) => registryFiles(basename(file), readFileSync(file)));
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    err(
      `zip を読めませんでした（${error.message}）。ダウンロードし直すか、展開して CSV を指定してください / could not read the zip (${error.message}): download it again, or unzip it and give the CSV`,
    );
    return 2;
  }
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
