import type { OpenDataLayout } from './opendata';

/**
 * The column lists of the open-data layouts (STANDARDS.md), each column tied to one field of our
 * facility record. The importer matches columns by header (with aliases), the exporter writes them
 * in this order, and the public data dictionary is generated from the same lists.
 */

/** The fields of a facility a file can carry (see FacilityRecord on the server). */
export const FACILITY_FIELDS = [
  'municipalityCode',
  'siteMunicipalityCode',
  'municipalityName',
  'municipalityPrefecture',
  'sourceId',
  'sourceNo',
  'name',
  'nameKana',
  'nameEn',
  'kind',
  'serviceKind',
  'townId',
  'addressFull',
  'prefecture',
  'city',
  'town',
  'block',
  'building',
  'latitude',
  'longitude',
  'altitudeKind',
  'altitude',
  'phone',
  'phoneExtension',
  'fax',
  'email',
  'contactFormUrl',
  'contactNote',
  'postalCode',
  'corporateNumber',
  'corporationName',
  'medicalInstitutionCode',
  'careOfficeNumber',
  'days',
  'opensAt',
  'closesAt',
  'hoursNote',
  'afterHours',
  'departments',
  'beds',
  'disasterRole',
  'status',
  'url',
  'image',
  'imageLicence',
  'note',
  'capacity',
  'confirmedOn',
] as const;
export type FacilityField = (typeof FACILITY_FIELDS)[number];

export type LayoutColumn = {
  /** Header as the standard writes it (the exporter writes this). */
  header: string;
  /** Other spellings seen in published files. */
  aliases?: readonly string[];
  /** The field it fills; null for columns we keep only as raw values. */
  field: FacilityField | null;
  required?: boolean;
  /** Read when a file has it, never written by the export (not part of the published layout). */
  importOnly?: boolean;
  /** For the data dictionary. */
  description: string;
};

const c = (
  header: string,
  field: FacilityField | null,
  description: string,
  extra: { aliases?: readonly string[]; required?: boolean; importOnly?: boolean } = {},
): LayoutColumn => ({ header, field, description, ...extra });

const PUBLISHER_CODE = c(
  '都道府県コード又は市区町村コード',
  'municipalityCode',
  '公開する自治体の全国地方公共団体コード（6桁、検査数字付き）',
  { aliases: ['都道府県コード又は市町村コード', '都道府県コードまたは市区町村コード'], required: true },
);
const NO = c('NO', 'sourceNo', '公開者が付けた通し番号');
const PREF_NAME = c('都道府県名', 'municipalityPrefecture', '公開する自治体の都道府県名');
const CITY_NAME = c('市区町村名', 'municipalityName', '公開する自治体の市区町村名');
const ADDRESS = c('住所', 'addressFull', '所在地（都道府県・市区町村を省いた書き方も可）', {
  aliases: ['所在地'],
});
const LAT = c('緯度', 'latitude', '世界測地系の十進数（例: 35.6415）');
const LNG = c('経度', 'longitude', '世界測地系の十進数（例: 139.6982）');
const PHONE = c('電話番号', 'phone', '市外局番からの電話番号（例: 03-3715-1111）');
const EXT = c('内線番号', 'phoneExtension', '内線番号');
const FAX = c('FAX番号', 'fax', 'FAX 番号');
const CORP_NO = c('法人番号', 'corporateNumber', '国税庁の法人番号（13桁）');
const CORP_NAME = c('法人の名称', 'corporationName', '運営法人の名称');
const URL_COL = c('URL', 'url', 'ホームページの URL');
const NOTE = c('備考', 'note', '備考');
// Many published files add the day the list was checked, often in 和暦 (令和6年4月1日, R6.4.1).
const CONFIRMED = c('最終確認日', 'confirmedOn', '情報を最後に確認した日（和暦も可）', {
  aliases: ['確認日', '情報確認日', '更新日', '最終更新日', '情報更新日', 'データ更新日', '更新年月日'],
  importOnly: true,
});

/** 自治体標準オープンデータセット 医療機関一覧 (正式版), 42 columns in the published order. */
const medicalStandard: LayoutColumn[] = [
  c(
    '全国地方公共団体コード',
    'municipalityCode',
    '公開する自治体の全国地方公共団体コード（6桁、検査数字付き）',
    {
      required: true,
    },
  ),
  c('ID', 'sourceId', '公開者が付けた施設の ID'),
  c('地方公共団体名', 'municipalityName', '公開する自治体の名称'),
  c('名称', 'name', '医療機関の名称', { required: true }),
  c('名称_カナ', 'nameKana', '名称の読み（全角カタカナ）'),
  c('名称_英字', 'nameEn', '名称の英語表記', { aliases: ['名称_英語', '名称_ローマ字'] }),
  c('医療機関の種類', 'kind', '病院、有床診療所、無床診療所、歯科診療所、薬局', { required: true }),
  c('所在地_全国地方公共団体コード', 'siteMunicipalityCode', '所在地の全国地方公共団体コード'),
  c('町字ID', 'townId', 'アドレス・ベース・レジストリの町字 ID'),
  c('所在地_連結表記', 'addressFull', '所在地を1つにつなげた表記'),
  c('所在地_都道府県', 'prefecture', '所在地の都道府県'),
  c('所在地_市区町村', 'city', '所在地の市区町村'),
  c('所在地_町字', 'town', '所在地の町字（丁目まで）'),
  c('所在地_番地以下', 'block', '番地以下'),
  c('建物名等(方書)', 'building', '建物名・部屋番号など', { aliases: ['建物名等（方書）', '方書'] }),
  LAT,
  LNG,
  c('高度の種別', 'altitudeKind', '高度の種別'),
  c('高度の値', 'altitude', '高度（メートル）'),
  PHONE,
  EXT,
  FAX,
  c('連絡先メールアドレス', 'email', '連絡先のメールアドレス'),
  c('連絡先FormURL', 'contactFormUrl', '問い合わせフォームの URL'),
  c('連絡先備考（その他、SNSなど）', 'contactNote', '連絡先についての備考', {
    aliases: ['連絡先備考(その他、SNSなど)', '連絡先備考'],
  }),
  c('郵便番号', 'postalCode', '郵便番号（7桁）'),
  CORP_NO,
  CORP_NAME,
  c('医療機関コード', 'medicalInstitutionCode', '保険医療機関コード（10桁: 都道府県2 + 点数表1 + 7桁）'),
  c('診療曜日', 'days', '診療する曜日（例: 月火水木金土）'),
  c('診療開始時間', 'opensAt', '診療開始時刻（hh:mm）'),
  c('診療終了時間', 'closesAt', '診療終了時刻（hh:mm）'),
  c('診療日時特記事項', 'hoursNote', '休診日や第2・第4土曜など、曜日と時間の補足'),
  c('時間外における対応', 'afterHours', '診療時間外の対応'),
  c('診療科目', 'departments', '診療科目（「、」区切り）'),
  c('病床数', 'beds', '病床数'),
  c('災害拠点分類', 'disasterRole', '災害拠点病院などの分類'),
  c('状況', 'status', '空欄（運営中）、休止、廃止'),
  URL_COL,
  c('画像', 'image', '画像の URL'),
  c('画像_ライセンス', 'imageLicence', '画像のライセンス'),
  NOTE,
  CONFIRMED,
];

/** 推奨データセット 医療機関一覧 (2019–2023), 26 columns. */
const medicalRecommended: LayoutColumn[] = [
  PUBLISHER_CODE,
  NO,
  PREF_NAME,
  CITY_NAME,
  c('名称', 'name', '医療機関の名称', { required: true }),
  c('名称_カナ', 'nameKana', '名称の読み（全角カタカナ）'),
  c('医療機関の種類', 'kind', '病院、有床診療所、無床診療所、歯科診療所、薬局', { required: true }),
  ADDRESS,
  c('方書', 'building', '建物名・部屋番号など'),
  LAT,
  LNG,
  PHONE,
  EXT,
  FAX,
  CORP_NO,
  CORP_NAME,
  c('医療機関コード', 'medicalInstitutionCode', '保険医療機関コード'),
  c('診療曜日', 'days', '診療する曜日'),
  c('診療開始時間', 'opensAt', '診療開始時刻'),
  c('診療終了時間', 'closesAt', '診療終了時刻'),
  c('診療日時特記事項', 'hoursNote', '曜日と時間の補足'),
  c('時間外における対応', 'afterHours', '診療時間外の対応'),
  c('診療科目', 'departments', '診療科目'),
  c('病床数', 'beds', '病床数'),
  URL_COL,
  NOTE,
  CONFIRMED,
];

/** 推奨データセット 介護サービス事業所一覧: 22 columns, plus those newer files add (matched by header). */
const careRecommended: LayoutColumn[] = [
  PUBLISHER_CODE,
  NO,
  PREF_NAME,
  CITY_NAME,
  c('介護サービス事業所名称', 'name', '事業所の名称', { required: true }),
  c('介護サービス事業所名称_カナ', 'nameKana', '名称の読み（全角カタカナ）'),
  c('実施サービス', 'serviceKind', '介護サービスの種類（訪問看護、居宅介護支援など）', { required: true }),
  ADDRESS,
  c('方書', 'building', '建物名・部屋番号など'),
  LAT,
  LNG,
  PHONE,
  EXT,
  FAX,
  CORP_NO,
  CORP_NAME,
  c('事業所番号', 'careOfficeNumber', '介護保険事業所番号（10桁）'),
  c('利用可能曜日', 'days', '利用できる曜日'),
  c('利用可能曜日特記事項', 'hoursNote', '曜日と時間の補足', { aliases: ['利用可能日時特記事項'] }),
  c('定員', 'capacity', '定員'),
  URL_COL,
  NOTE,
  // Added by newer (2025) files in the new style.
  c('ID', 'sourceId', '公開者が付けた施設の ID'),
  c('所在地_連結表記', 'addressFull', '所在地を1つにつなげた表記'),
  c('郵便番号', 'postalCode', '郵便番号（7桁）'),
  CONFIRMED,
];

/** MHLW 介護サービス情報公表システム open data, 24 columns, one file per service type. */
const mhlwCareService: LayoutColumn[] = [
  PUBLISHER_CODE,
  c('No', 'sourceNo', '通し番号'),
  PREF_NAME,
  CITY_NAME,
  c('事業所名', 'name', '事業所の名称', { required: true }),
  c('事業所名カナ', 'nameKana', '名称の読み'),
  c('サービスの種類', 'serviceKind', '介護サービスの種類', { required: true }),
  ADDRESS,
  c('方書（ビル名等）', 'building', '建物名など', { aliases: ['方書(ビル名等)', '方書'] }),
  LAT,
  LNG,
  PHONE,
  FAX,
  CORP_NO,
  CORP_NAME,
  c('事業所番号', 'careOfficeNumber', '介護保険事業所番号（10桁）', { required: true }),
  c('利用可能曜日', 'days', '利用できる曜日（例: 平日,土曜日）'),
  c('利用可能曜日特記事項', 'hoursNote', '曜日と時間の補足', { aliases: ['利用可能日時特記事項'] }),
  c('定員', 'capacity', '定員'),
  URL_COL,
  c('高齢者の方と障害者の方が同時一体的に利用できるサービス', null, '共生型サービスかどうか'),
  c('介護保険の通常の指定基準を満たしている', null, '介護保険の指定基準'),
  c('障害福祉の通常の指定基準を満たしている', null, '障害福祉の指定基準'),
  NOTE,
  CONFIRMED,
];

export const LAYOUT_COLUMNS: Record<OpenDataLayout, readonly LayoutColumn[]> = {
  medical_standard: medicalStandard,
  medical_recommended: medicalRecommended,
  care_recommended: careRecommended,
  mhlw_care_service: mhlwCareService,
};

/**
 * Headers that identify each layout: all must be present. Checked most specific first, so a new
 * layout file (which also has 名称) is not taken for an old one.
 */
export const LAYOUT_SIGNATURES: ReadonlyArray<{ layout: OpenDataLayout; headers: readonly string[] }> = [
  { layout: 'mhlw_care_service', headers: ['事業所名', 'サービスの種類', '事業所番号'] },
  { layout: 'care_recommended', headers: ['介護サービス事業所名称', '事業所番号'] },
  { layout: 'medical_standard', headers: ['全国地方公共団体コード', '名称', '医療機関の種類'] },
  { layout: 'medical_recommended', headers: ['都道府県コード又は市区町村コード', '名称', '医療機関の種類'] },
];
