import { cleanText, unifyDigitDashes } from './normalise-text';

/**
 * Address text: full-width digits and Latin letters → half-width, dash-like marks between digits →
 * `-`, spaces collapsed. Kanji numerals (一丁目) are left as written.
 */
export function cleanAddress(raw: string): string {
  const text = cleanText(raw)
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ');
  return unifyDigitDashes(text).trim();
}

const PREFECTURE = /^(北海道|東京都|京都府|大阪府|[^\s都道府県]{2,3}県)/;

export type AddressParts = {
  prefecture: string | null;
  city: string | null;
  town: string | null;
  block: string | null;
};

/**
 * Completes an address written without prefecture or city (common in a ward's own files) from the
 * municipality the row belongs to, so every stored address reads in full.
 */
export function completeAddress(address: string, prefecture: string | null, city: string | null): string {
  let rest = address;
  let pref = '';
  const hasPref = PREFECTURE.exec(rest);
  if (hasPref) {
    pref = hasPref[1]!;
    rest = rest.slice(pref.length);
  } else if (prefecture) {
    pref = prefecture;
  }
  if (city && !rest.startsWith(city)) {
    // A designated city's ward may be written alone (中央区 for 札幌市中央区).
    const ward = /^(.+?市)(.+区)$/.exec(city);
    rest = ward && rest.startsWith(ward[2]!) ? ward[1]! + rest : city + rest;
  }
  return `${pref}${rest}`;
}

/**
 * Splits a full address into the standard's blocks: 都道府県, 市区町村 (the municipality's name
 * when the address starts with it), 町字 (up to the first Arabic digit, so 一丁目 stays in it) and
 * 番地以下.
 */
export function splitAddress(full: string, city: string | null): AddressParts {
  let rest = full;
  const pref = PREFECTURE.exec(rest)?.[1] ?? null;
  if (pref) rest = rest.slice(pref.length);
  let cityName: string | null = null;
  if (city && rest.startsWith(city)) cityName = city;
  else cityName = /^(.+?郡.+?[町村]|.+?市.+?区|.+?[市区町村])/.exec(rest)?.[1] ?? null;
  if (cityName) rest = rest.slice(cityName.length);
  const digit = rest.search(/\d/);
  const town = (digit === -1 ? rest : rest.slice(0, digit)).trim();
  const block = (digit === -1 ? '' : rest.slice(digit)).trim();
  return { prefecture: pref, city: cityName, town: town || null, block: block || null };
}

/** The standard's 所在地_連結表記: the blocks joined without separators. */
export function joinAddress(parts: AddressParts): string {
  return [parts.prefecture, parts.city, parts.town, parts.block].filter(Boolean).join('');
}
