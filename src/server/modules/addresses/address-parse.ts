import type { AddressPrecision } from '../../../contracts/addresses';
import { kanjiToNumber, normalizeSearchKey } from '../../../contracts/japanese-text';

/** A town the parser may find at the start of the address, and whether it is divided into 丁目. */
export type KnownTown = { name: string; hasChome: boolean };

/** A typed street address taken apart (目黒区原町一丁目1番1号 → 原町, 1, '1', '1'). */
export type ParsedAddress = {
  /** The known town's name as listed (原町), however it was typed (自由ヶ丘 → 自由が丘). */
  town: string;
  chome: number | null;
  block: string | null;
  residence: string | null;
  /** The most precise level the text names: what a base point should be, if the data has it. */
  requested: AddressPrecision;
};

const UNIT_OF: Record<string, 'chome' | 'block' | 'residence'> = {
  丁目: 'chome',
  番地: 'block',
  番: 'block',
  号: 'residence',
};

/**
 * Reads a typed address of the municipality: full- or half-width digits, kanji numerals before
 * 丁目/番/号, hyphens (原町1-1-1) or units (原町一丁目1番1号), with or without the prefecture and
 * municipality in front (`prefixes`, e.g. 東京都, 目黒区) and a postal code before them. The town is
 * the longest known town the text starts with; null when it starts with none. What follows the
 * numbers (a building, a room) is ignored.
 */
export function parseStreetAddress(
  text: string,
  options: { prefixes: string[]; towns: KnownTown[] },
): ParsedAddress | null {
  let rest = text.normalize('NFKC').replace(/\s+/gu, '');
  rest = rest.replace(/^〒?\d{3}-?\d{4}/u, '');
  for (const prefix of options.prefixes) {
    const normalised = prefix.normalize('NFKC');
    if (rest.startsWith(normalised)) rest = rest.slice(normalised.length);
  }
  const town = findLeadingTown(rest, options.towns);
  if (!town) return null;
  const numbers = readNumbers(rest.slice(town.length));
  const slots = town.town.hasChome
    ? (['chome', 'block', 'residence'] as const)
    : (['block', 'residence'] as const);
  const found: { chome?: number; block?: string; residence?: string } = {};
  let next = 0;
  for (const { value, unit } of numbers) {
    const slot = unit ?? slots[next];
    if (!slot) break;
    if (slot === 'chome') found.chome = value;
    else found[slot] = String(value);
    // After a 丁目 typed for a town without 丁目 (-1 + 1), the numbers that follow are 番 and 号.
    next = (slots as readonly string[]).indexOf(slot) + 1;
  }
  const chome = found.chome ?? null;
  const block = found.block ?? null;
  const residence = block === null ? null : (found.residence ?? null);
  const requested: AddressPrecision = residence ? 'residence' : block ? 'block' : chome ? 'chome' : 'town';
  return { town: town.town.name, chome, block, residence, requested };
}

function findLeadingTown(text: string, towns: KnownTown[]): { town: KnownTown; length: number } | null {
  const byKey = new Map<string, KnownTown>();
  for (const town of towns) {
    const key = normalizeSearchKey(town.name);
    if (key && !byKey.has(key)) byKey.set(key, town);
  }
  for (let length = text.length; length > 0; length--) {
    const town = byKey.get(normalizeSearchKey(text.slice(0, length)));
    if (town) return { town, length };
  }
  return null;
}

/** The numbers after the town, each with the unit written after it (null after a hyphen or at the end). */
function readNumbers(text: string): Array<{ value: number; unit: 'chome' | 'block' | 'residence' | null }> {
  const arabic = text
    .replace(/([〇一二三四五六七八九十]+)(?=丁目|番地|番|号)/gu, (kanji) =>
      String(kanjiToNumber(kanji) ?? kanji),
    )
    // Hyphen look-alikes typed between numbers: the IME's ー after a digit, minus signs, dashes, の.
    .replace(/(?<=\d)(?:[‐‑‒–—―−ー－-]|の)(?=\d)/gu, '-');
  const numbers: Array<{ value: number; unit: 'chome' | 'block' | 'residence' | null }> = [];
  const token = /^(\d{1,5})(丁目|番地|番|号)?(?:-|の)?/u;
  let rest = arabic;
  for (let match = token.exec(rest); match; match = token.exec(rest)) {
    const [all, digits, unitText] = match;
    numbers.push({ value: Number(digits), unit: unitText ? (UNIT_OF[unitText] ?? null) : null });
    rest = rest.slice(all.length);
    const separated = unitText !== undefined || all.endsWith('-') || all.endsWith('の');
    if (!separated || unitText === '号') break;
  }
  return numbers;
}

const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十: 丁目 as the registry and the ward write it. */
export function numberToKanji(value: number): string {
  if (value < 10) return KANJI[value] ?? String(value);
  if (value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : KANJI[tens]}十${ones === 0 ? '' : KANJI[ones]}`;
}

/** The address as the page shows a base point: 原町一丁目1番1号, 自由が丘二丁目, 原町. */
export function formatStreetAddress(point: {
  town: string;
  chome: number | null;
  block: string | null;
  residence: string | null;
}): string {
  const chome = point.chome === null ? '' : `${numberToKanji(point.chome)}丁目`;
  const block = point.block === null ? '' : `${point.block}番`;
  const residence = point.block === null || point.residence === null ? '' : `${point.residence}号`;
  return `${point.town}${chome}${block}${residence}`;
}
