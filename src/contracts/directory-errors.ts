import { defineErrors } from './errors';

// ---------------------------------------------------------------------------------------------
// Errors

export const directoryErrors = defineErrors({
  'directory.facility_not_found': {
    status: 404,
    ja: 'この施設は見つかりませんでした。検索からお探しください。',
    en: 'This facility was not found. Use the search.',
  },
  'directory.municipality_not_found': {
    status: 404,
    ja: '指定された自治体の情報はありません。自治体コードを確認してください。',
    en: 'There is no directory for this municipality code.',
  },
  'directory.unknown_capability': {
    status: 400,
    ja: '指定された対応項目はありません。対応項目の一覧から選んでください。',
    en: 'Unknown capability. Choose one from the capability list.',
  },
  'directory.capability_not_for_type': {
    status: 400,
    ja: 'この種類の施設では選べない対応項目が含まれています。表示されている対応項目から選んでください。',
    en: 'A capability does not fit this type of facility. Choose from the capabilities shown.',
  },
  'directory.unknown_district': {
    status: 400,
    ja: '指定された地区はありません。地区の一覧から選んでください。',
    en: 'Unknown district. Choose one from the district list.',
  },
  'directory.near_required': {
    status: 400,
    ja: '距離で絞り込む・並べ替えるには、基準の地点（near=緯度,経度）を指定してください。',
    en: 'Distance filters and sorting need a point: near=LAT,LNG.',
  },
  'directory.version_conflict': {
    status: 409,
    ja: 'この施設の情報は、ほかの変更で先に更新されています。最新の内容を確認して、もう一度変更してください。',
    en: 'The facility was changed in the meantime. Check the latest version and make the change again.',
  },
  'directory.request_not_pending': {
    status: 409,
    ja: 'この申請はすでに処理されています。一覧を再読み込みしてください。',
    en: 'This request has already been decided. Reload the list.',
  },
  'directory.no_changes': {
    status: 400,
    ja: '変更された項目がありません。内容を変更してから送信してください。',
    en: 'Nothing was changed. Change a field before sending.',
  },
  'directory.duplicate_code': {
    status: 409,
    ja: '同じ医療機関コードまたは事業所番号の施設がすでに登録されています。番号を確認してください。',
    en: 'Another facility already has this medical institution code or care office number.',
  },
  'directory.invalid_main_station': {
    status: 400,
    ja: '本体の訪問看護ステーションとして指定できない施設です。同じ自治体の訪問看護ステーションを選んでください。',
    en: 'The main station must be another visiting-nurse station of the same municipality.',
  },
  'directory.confirm_token_invalid': {
    status: 400,
    ja: 'この確認リンクは無効か、すでに使われています。区から届いた最新のメールのリンクを開いてください。',
    en: 'This confirmation link is invalid or was already used. Open the link in the latest mail.',
  },
  'directory.geocode_not_found': {
    status: 404,
    ja: 'その町名・郵便番号は見つかりませんでした。町名（例：上目黒）か郵便番号7桁を入力してください。',
    en: 'Town or postal code not found. Enter a town name or a 7-digit postal code.',
  },
});
