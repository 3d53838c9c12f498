import { defineErrors } from './errors';

/** Errors of the address registry import (`zaitaku address import`). */
export const addressesErrors = defineErrors({
  'address.unknown_file': {
    status: 400,
    ja: 'アドレス・ベース・レジストリのファイルとして読めません。町字・街区・住居のマスターか位置参照拡張の CSV（1 行目が列名）を指定してください。',
    en: 'Not an address base registry file. Give the town, block or residence master or position CSV (column names on line 1).',
  },
  'address.bad_row': {
    status: 400,
    ja: 'ファイルに読めない行があります。表示された行を確認し、配布されたままのファイルで取り込み直してください。',
    en: 'A row of the file cannot be read. Check the line shown and import the file as downloaded.',
  },
  'address.unsupported_srid': {
    status: 400,
    ja: '代表点の座標参照系に対応していません（EPSG:6668・EPSG:4612 のみ）。配布されたままのファイルを指定してください。',
    en: 'Unsupported coordinate reference system of a position (only EPSG:6668 and EPSG:4612).',
  },
  'address.municipality_not_found': {
    status: 404,
    ja: 'この自治体はこの環境にありません。自治体コード（--municipality）を確認してください。',
    en: 'This municipality is not in this installation. Check --municipality.',
  },
  'address.nothing_to_import': {
    status: 400,
    ja: 'この自治体の位置が 1 件もありません。自治体コード（--municipality）と、位置参照拡張のファイルを指定したかを確認してください。',
    en: 'No position of this municipality in the files. Check --municipality and that a position file was given.',
  },
});
