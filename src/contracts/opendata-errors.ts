import { defineErrors } from './errors';

/**
 * Error codes of open data: faults of a whole file (answered by the API, or carried in an import
 * report with line 0) and problems of one row (always inside a report, with line and column).
 */

export const openDataErrors = defineErrors({
  'opendata.not_facility_list': {
    status: 422,
    ja: 'このファイルは施設一覧ではないようです。見出し行（名称、住所など）がある医療機関一覧または介護サービス事業所一覧を選んでください。',
    en: 'This file does not look like a facility list. Choose a medical or care facility list with a header row.',
  },
  'opendata.unknown_layout': {
    status: 422,
    ja: '施設一覧の様式を判別できませんでした。自治体標準オープンデータセットまたは介護サービス情報公表システムの様式で保存し直してください。',
    en: 'The layout of this facility list is not one we know. Save it in a standard open-data layout.',
  },
  'opendata.missing_column': {
    status: 422,
    ja: '必要な列がありません。見出し行に表示された列を追加してください。',
    en: 'A required column is missing. Add the column named in the message.',
  },
  'opendata.broken_xlsx': {
    status: 422,
    ja: 'Excel ファイルを読み取れませんでした。ファイルが壊れているか、.xlsx 形式ではありません。Excel で開いて .xlsx または CSV で保存し直してください。',
    en: 'The Excel file could not be read. Open it in Excel and save it again as .xlsx or CSV.',
  },
  'opendata.legacy_xls': {
    status: 422,
    ja: '古い Excel 形式（.xls）は読み取れません。Excel で .xlsx または CSV 形式で保存し直してください。',
    en: 'Old .xls files are not supported. Save the file as .xlsx or CSV.',
  },
  'opendata.unreadable_text': {
    status: 422,
    ja: 'ファイルの文字を読み取れませんでした。文字コードを UTF-8 または Shift_JIS（CP932）にして保存し直してください。',
    en: 'The text of the file could not be decoded. Save it as UTF-8 or Shift_JIS (CP932).',
  },
  'opendata.malformed_csv': {
    status: 422,
    ja: 'CSV の区切りや引用符（"）が崩れています。表示された行を確認して保存し直してください。',
    en: 'The CSV is malformed (quotes or separators). Check the line shown and save it again.',
  },
  'opendata.empty_file': {
    status: 422,
    ja: 'ファイルが空です。施設一覧のファイルを選んでください。',
    en: 'The file is empty. Choose a facility list.',
  },
  'opendata.file_too_large': {
    status: 413,
    ja: 'ファイルが大きすぎます（画面からは 50 MB まで）。分割するか、コマンド npx zaitaku import で取り込んでください。',
    en: 'The file is too large for upload (50 MB). Split it or use `npx zaitaku import`.',
  },
  'opendata.rows_rejected': {
    status: 422,
    ja: '誤りのある行があるため、何も取り込みませんでした。報告の行と列を直して、もう一度取り込んでください。',
    en: 'Some rows have errors, so nothing was imported. Fix the lines and columns listed and import again.',
  },
  'opendata.file_not_found': {
    status: 404,
    ja: '指定されたファイルが見つかりません。パスを確認してください。',
    en: 'The file was not found. Check the path.',
  },
});

/**
 * Row-level problems. The message in the report is the template with the cell's value filled in
 * (`{value}`); the web may show its own text by code.
 */
export const rowErrorTemplates = {
  'row.required': {
    ja: '必須項目が空です。値を入力してください。',
    en: 'This required cell is empty.',
  },
  'row.invalid_municipality_code': {
    ja: '全国地方公共団体コード「{value}」が正しくありません（6桁で、最後の検査数字が合うこと）。',
    en: 'Municipality code "{value}" is not valid (6 digits with a matching check digit).',
  },
  'row.municipality_required': {
    ja: '市区町村を特定できません（「{value}」は都道府県のコードです）。--municipality で取り込み先を指定してください。',
    en: 'No municipality: "{value}" is a prefecture code. Give --municipality.',
  },
  'row.municipality_name_required': {
    ja: 'この自治体（{value}）はまだ登録されていないため、自治体名と都道府県名の列が必要です。',
    en: 'Municipality {value} is new to this installation: its name and prefecture are needed.',
  },
  'row.invalid_latitude': {
    ja: '緯度「{value}」が正しくありません。日本国内の十進数（例: 35.6415）で入力してください。緯度と経度が入れ替わっていないか確認してください。',
    en: 'Latitude "{value}" is not valid: give a decimal degree inside Japan (e.g. 35.6415). Are latitude and longitude swapped?',
  },
  'row.invalid_longitude': {
    ja: '経度「{value}」が正しくありません。日本国内の十進数（例: 139.6982）で入力してください。',
    en: 'Longitude "{value}" is not valid: give a decimal degree inside Japan (e.g. 139.6982).',
  },
  'row.half_location': {
    ja: '緯度と経度は両方入力するか、両方空にしてください。',
    en: 'Give both latitude and longitude, or neither.',
  },
  'row.invalid_number': {
    ja: '「{value}」を数として読み取れません。半角数字で入力してください。',
    en: 'The value "{value}" is not a number.',
  },
  'row.invalid_time': {
    ja: '時刻「{value}」を読み取れません。「9:00」のように入力してください。',
    en: 'Time "{value}" cannot be read. Write it like 9:00.',
  },
  'row.invalid_days': {
    ja: '曜日「{value}」を読み取れません。「月火水木金」や「平日,土曜日」のように入力してください。',
    en: 'Days "{value}" cannot be read. Write them like 月火水木金.',
  },
  'row.invalid_phone': {
    ja: '電話番号「{value}」が正しくありません。「03-1234-5678」のように市外局番から入力してください。',
    en: 'Phone number "{value}" is not valid. Write it with the area code, like 03-1234-5678.',
  },
  'row.invalid_postal_code': {
    ja: '郵便番号「{value}」が正しくありません。7桁（例: 153-8573）で入力してください。',
    en: 'Postal code "{value}" is not valid (7 digits).',
  },
  'row.invalid_email': {
    ja: 'メールアドレス「{value}」が正しくありません。',
    en: 'Email address "{value}" is not valid.',
  },
  'row.invalid_url': {
    ja: 'URL「{value}」が正しくありません。http:// または https:// で始まる URL を入力してください。',
    en: 'URL "{value}" is not valid. Start it with http:// or https://.',
  },
  'row.invalid_medical_code': {
    ja: '医療機関コード「{value}」が正しくありません。7桁または10桁の数字で入力してください。',
    en: 'Medical institution code "{value}" is not valid (7 or 10 digits).',
  },
  'row.invalid_office_number': {
    ja: '事業所番号「{value}」が正しくありません。10桁の数字で入力してください。',
    en: 'Care office number "{value}" is not valid (10 digits).',
  },
  'row.invalid_corporate_number': {
    ja: '法人番号「{value}」が正しくありません（13桁で、先頭の検査数字が合うこと）。',
    en: 'Corporate number "{value}" is not valid (13 digits with a matching check digit).',
  },
  'row.invalid_facility_kind': {
    ja: '施設の種類「{value}」が分かりません。病院、有床診療所、無床診療所、歯科診療所、薬局のいずれかにしてください。',
    en: 'Facility kind "{value}" is unknown. Use 病院, 有床診療所, 無床診療所, 歯科診療所 or 薬局.',
  },
  'row.invalid_status': {
    ja: '状況「{value}」が分かりません。空欄、休止、廃止のいずれかにしてください。',
    en: 'Status "{value}" is unknown. Leave it empty or use 休止 or 廃止.',
  },
  'row.duplicate_key': {
    ja: 'この施設（{value}）はファイルの中で2回以上出てきます。重複した行を削除してください。',
    en: 'This facility ({value}) appears more than once in the file. Remove the duplicate.',
  },
  'row.no_key': {
    ja: '施設を特定する番号（医療機関コード、事業所番号、または ID）がありません。',
    en: 'No identifier (medical institution code, care office number or ID) to match the facility.',
  },
  'row.invalid_date': {
    ja: '日付「{value}」を読み取れません。「令和6年4月1日」「R6.4.1」「2024/4/1」のように入力してください。',
    en: 'Date "{value}" cannot be read. Write it like 令和6年4月1日, R6.4.1 or 2024/4/1.',
  },
  'row.too_long': {
    ja: '内容が長すぎます（{value}文字）。2,000文字以内にしてください。',
    en: 'The cell is too long ({value} characters); keep it within 2,000.',
  },
} as const satisfies Record<string, { ja: string; en: string }>;
export type RowErrorCode = keyof typeof rowErrorTemplates;

// Row codes are catalogued too (docs/errors.md), as 422s: they reach the API inside an import report.
export const rowErrors = defineErrors(
  Object.fromEntries(
    Object.entries(rowErrorTemplates).map(([code, text]) => [code, { status: 422, ...text }]),
  ) as Record<RowErrorCode, { status: number; ja: string; en: string }>,
);

/** Fills a row error template: Japanese first, English second. */
export function rowErrorMessage(code: RowErrorCode, value = ''): string {
  const t = rowErrorTemplates[code];
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `${t.ja.replaceAll('{value}', shown)} / ${t.en.replaceAll('{value}', shown)}`;
}
