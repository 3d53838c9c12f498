/**
 * Regenerates the small Meguro extracts under ../data from the full public files in
 * /work/shared/data (not shipped with the repository): run
 *   npx tsx src/server/demo/directory/extract-meguro-data.ts [SHARED_DATA_DIR]
 * The outputs are committed so that CI and newcomers do not need the full files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const MEGURO_5 = '13110';
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../../modules/directory/data');
const shared = process.argv[2] ?? '/work/shared/data';

// Japan Post: cp932, CRLF, no header. Keep the rows verbatim, re-encoded as UTF-8 (LF).
const postal = iconv.decode(readFileSync(join(shared, 'japanpost_13TOKYO.CSV')), 'cp932');
const rows = postal.split(/\r?\n/).filter((line) => line.startsWith(`${MEGURO_5},`));
writeFileSync(join(out, 'japanpost-13110.csv'), `${rows.join('\n')}\n`);

// N03 boundary: only the Meguro feature, coordinates unchanged.
const geo = JSON.parse(
  readFileSync(join(shared, 'N03-21_13_210101_tokyo_municipalities.geojson'), 'utf8'),
) as {
  features: Array<{ properties: Record<string, unknown> }>;
};
const feature = geo.features.find((f) => f.properties.N03_007 === MEGURO_5);
if (!feature) throw new Error('Meguro (13110) not found in the N03 file');
writeFileSync(
  join(out, 'n03-13110.geojson'),
  `${JSON.stringify({
    type: 'FeatureCollection',
    attribution: '出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成',
    features: [feature],
  })}\n`,
);
process.stdout.write(`japanpost rows: ${rows.length}; boundary written\n`);
