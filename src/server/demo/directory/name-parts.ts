import type { FacilityType } from '../../../contracts/directory';

/**
 * Vocabulary of the fictional demo names: soft, generic words that many real facilities use,
 * combined so that the whole name is invented (e.g. めぐろ青葉内科クリニック). Every generated
 * record is also flagged is_demo.
 */
export type Word = readonly [kanji: string, kana: string];

export const stems: readonly Word[] = [
  ['青葉', 'アオバ'],
  ['さくら', 'サクラ'],
  ['ひまわり', 'ヒマワリ'],
  ['みどり', 'ミドリ'],
  ['若葉', 'ワカバ'],
  ['ひかり', 'ヒカリ'],
  ['すずらん', 'スズラン'],
  ['かえで', 'カエデ'],
  ['つばき', 'ツバキ'],
  ['あおい', 'アオイ'],
  ['こもれび', 'コモレビ'],
  ['はなみずき', 'ハナミズキ'],
  ['けやき', 'ケヤキ'],
  ['あさひ', 'アサヒ'],
  ['やまびこ', 'ヤマビコ'],
  ['そよかぜ', 'ソヨカゼ'],
  ['たんぽぽ', 'タンポポ'],
  ['ゆりのき', 'ユリノキ'],
  ['こすもす', 'コスモス'],
  ['なのはな', 'ナノハナ'],
  ['星の坂', 'ホシノサカ'],
  ['虹', 'ニジ'],
  ['森の音', 'モリノオト'],
  ['陽だまり', 'ヒダマリ'],
  ['まごころ', 'マゴコロ'],
  ['ふれあい', 'フレアイ'],
  ['すこやか', 'スコヤカ'],
  ['やすらぎ', 'ヤスラギ'],
  ['あゆみ', 'アユミ'],
  ['いずみ', 'イズミ'],
];

export const prefixes: readonly Word[] = [
  ['めぐろ', 'メグロ'],
  ['目黒', 'メグロ'],
  ['みなみ', 'ミナミ'],
  ['ひがし', 'ヒガシ'],
  ['にし', 'ニシ'],
  ['きた', 'キタ'],
  ['', ''],
  ['', ''],
];

/** A few demo doctors' family names in old and new kanji, so that 高橋 finds 髙橋. */
export const familyNames: readonly Word[] = [
  ['髙橋', 'タカハシ'],
  ['山﨑', 'ヤマザキ'],
  ['渡邊', 'ワタナベ'],
  ['齋藤', 'サイトウ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['田中', 'タナカ'],
  ['小林', 'コバヤシ'],
  ['中村', 'ナカムラ'],
  ['松本', 'マツモト'],
];

export type Specialty = { suffix: Word; departments: string[] };

export const clinicSpecialties: readonly Specialty[] = [
  { suffix: ['内科クリニック', 'ナイカクリニック'], departments: ['内科'] },
  { suffix: ['内科', 'ナイカ'], departments: ['内科', '消化器内科'] },
  { suffix: ['ファミリークリニック', 'ファミリークリニック'], departments: ['内科', '小児科'] },
  { suffix: ['在宅クリニック', 'ザイタククリニック'], departments: ['内科', '緩和ケア内科'] },
  { suffix: ['循環器内科', 'ジュンカンキナイカ'], departments: ['循環器内科', '内科'] },
  { suffix: ['呼吸器クリニック', 'コキュウキクリニック'], departments: ['呼吸器内科', 'アレルギー科'] },
  { suffix: ['整形外科', 'セイケイゲカ'], departments: ['整形外科', 'リハビリテーション科'] },
  { suffix: ['皮膚科クリニック', 'ヒフカクリニック'], departments: ['皮膚科'] },
  { suffix: ['眼科', 'ガンカ'], departments: ['眼科'] },
  { suffix: ['耳鼻咽喉科', 'ジビインコウカ'], departments: ['耳鼻咽喉科'] },
  { suffix: ['小児科', 'ショウニカ'], departments: ['小児科'] },
  { suffix: ['こころのクリニック', 'ココロノクリニック'], departments: ['心療内科', '精神科'] },
  { suffix: ['泌尿器科', 'ヒニョウキカ'], departments: ['泌尿器科'] },
  { suffix: ['レディースクリニック', 'レディースクリニック'], departments: ['婦人科'] },
  { suffix: ['外科胃腸科', 'ゲカイチョウカ'], departments: ['外科', '消化器内科', '乳腺・内分泌外科'] },
  { suffix: ['脳神経クリニック', 'ノウシンケイクリニック'], departments: ['脳神経内科', '脳神経外科'] },
];

export const typeSuffixes: Record<Exclude<FacilityType, 'clinic'>, readonly Word[]> = {
  hospital: [
    ['病院', 'ビョウイン'],
    ['記念病院', 'キネンビョウイン'],
    ['総合病院', 'ソウゴウビョウイン'],
  ],
  dental_clinic: [
    ['歯科', 'シカ'],
    ['歯科クリニック', 'シカクリニック'],
    ['デンタルクリニック', 'デンタルクリニック'],
    ['歯科医院', 'シカイイン'],
  ],
  pharmacy: [
    ['薬局', 'ヤッキョク'],
    ['調剤薬局', 'チョウザイヤッキョク'],
    ['ファーマシー', 'ファーマシー'],
  ],
  visiting_nurse_station: [['訪問看護ステーション', 'ホウモンカンゴステーション']],
  care_management_office: [
    ['ケアプランセンター', 'ケアプランセンター'],
    ['居宅介護支援事業所', 'キョタクカイゴシエンジギョウショ'],
  ],
  community_support_center: [['あんしん包括支援センター', 'アンシンホウカツシエンセンター']],
  other_care_service: [['デイサービス', 'デイサービス']],
};

export const hospitalDepartments = [
  '内科',
  '外科',
  '整形外科',
  '循環器内科',
  '消化器内科',
  '呼吸器内科',
  '脳神経外科',
  'リハビリテーション科',
  '放射線科',
  '麻酔科',
  '緩和ケア内科',
];
export const dentalDepartments = ['歯科', '小児歯科', '矯正歯科', '歯科口腔外科'];
export const languagesOffered = ['英語', '中国語', '韓国語', 'ベトナム語', 'ネパール語', 'スペイン語'];
export const accessibilityFeatures = [
  '車椅子対応',
  'バリアフリートイレ',
  'エレベーター',
  '駐車場あり',
  '手話対応',
];
export const kanjiDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const districtKana: Record<string, string> = {
  北部: 'ホクブ',
  東部: 'トウブ',
  中央: 'チュウオウ',
  南部: 'ナンブ',
  西部: 'セイブ',
};
