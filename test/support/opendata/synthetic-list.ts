import { stringify } from 'csv-stringify/sync';
import { LAYOUT_COLUMNS } from '../../../src/contracts/opendata-layouts';

const TOWNS = [
  '上目黒',
  '中目黒',
  '下目黒',
  '目黒本町',
  '碑文谷',
  '自由が丘',
  '八雲',
  '柿の木坂',
  '東が丘',
  '鷹番',
];
const KINDS = ['病院', '有床診療所', '無床診療所', '歯科診療所', '薬局'];
const POINT_DIGIT: Record<string, string> = {
  病院: '1',
  有床診療所: '1',
  無床診療所: '1',
  歯科診療所: '3',
  薬局: '4',
};

/**
 * A synthetic 医療機関一覧 (42-column standard layout) of `rows` clearly fictional facilities, for
 * speed measurements and the benchmark. Deterministic: row n is always the same facility.
 */
export function syntheticMedicalList(rows: number, municipalityCode = '131105', city = '目黒区'): Buffer {
  const header = LAYOUT_COLUMNS.medical_standard.filter((c) => !c.importOnly).map((c) => c.header);
  const records: string[][] = [header];
  for (let n = 1; n <= rows; n++) {
    const kind = KINDS[n % KINDS.length]!;
    const town = TOWNS[n % TOWNS.length]!;
    const cells: Record<string, string> = {
      全国地方公共団体コード: municipalityCode,
      ID: `S${n}`,
      地方公共団体名: city,
      名称: `架空${kind}${n}号`,
      名称_カナ: `カクウ${n}`,
      医療機関の種類: kind,
      所在地_都道府県: '東京都',
      所在地_市区町村: city,
      所在地_町字: `${town}${(n % 5) + 1}丁目`,
      所在地_番地以下: `${(n % 30) + 1}-${(n % 9) + 1}`,
      緯度: (35.6 + (n % 500) / 10_000).toFixed(4),
      経度: (139.67 + (n % 700) / 10_000).toFixed(4),
      電話番号: `03-${String(3000 + (n % 7000)).padStart(4, '0')}-${String(n % 10_000).padStart(4, '0')}`,
      医療機関コード: `13${POINT_DIGIT[kind]}${String(n).padStart(7, '0')}`,
      診療曜日: n % 3 === 0 ? '月火水木金土' : '月火水木金',
      診療開始時間: '9:00',
      診療終了時間: n % 2 === 0 ? '18:00' : '0.75',
      診療日時特記事項: n % 4 === 0 ? '第2・第4土曜休診' : '',
      診療科目: n % 2 === 0 ? '内科、小児科' : '歯科・小児歯科',
      病床数: kind === '病院' ? String(50 + (n % 200)) : '',
    };
    records.push(header.map((h) => cells[h] ?? ''));
  }
  return Buffer.from(stringify(records, { record_delimiter: '\r\n' }));
}
