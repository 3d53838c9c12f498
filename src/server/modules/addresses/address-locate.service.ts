import type { AddressPrecision } from '../../../contracts/addresses';
import { normalizeSearchKey } from '../../../contracts/japanese-text';
import type { Executor } from '../../platform/db/schema';
import { formatStreetAddress, type KnownTown, type ParsedAddress, parseStreetAddress } from './address-parse';
import { findAddressPoint, listAddressTowns } from './address-point.queries';

/** A typed address as far as the registry could place it. */
export type StreetLocation = {
  /** The address taken apart; null when it starts with no town of the municipality. */
  parsed: ParsedAddress | null;
  /** Whether the ward has loaded the registry for this municipality at all. */
  hasData: boolean;
  /** The most precise registry point found (住居 → 街区 → 丁目 → town), or null. */
  point: { precision: AddressPrecision; lat: number; lng: number; label: string } | null;
};

/**
 * Places a typed street address (目黒区原町1-1-1) on the registry's points of the municipality.
 * `towns` are the municipality's towns known elsewhere (the directory's 町丁), `prefixes` what may be
 * written before the town (東京都, 目黒区). Throws nothing: a miss is `point: null`.
 */
export async function locateStreetAddress(
  executor: Executor,
  municipalityCode: string,
  text: string,
  options: { prefixes: string[]; towns: string[] },
): Promise<StreetLocation> {
  const registryTowns = await listAddressTowns(executor, municipalityCode);
  const known: KnownTown[] = registryTowns.map((t) => ({ name: t.town_name, hasChome: t.has_chome }));
  const registryKeys = new Set(known.map((t) => normalizeSearchKey(t.name)));
  // A town the registry does not list is read as divided into 丁目, as nearly every town of a city is.
  for (const name of options.towns) {
    if (!registryKeys.has(normalizeSearchKey(name))) known.push({ name, hasChome: true });
  }
  const parsed = parseStreetAddress(text, { prefixes: options.prefixes, towns: known });
  const hasData = registryTowns.length > 0;
  if (!parsed || !hasData) return { parsed, hasData, point: null };
  const townKey = normalizeSearchKey(parsed.town);
  const { chome, block, residence } = parsed;
  const attempts: Array<Parameters<typeof findAddressPoint>[2]> = [];
  if (block !== null && residence !== null)
    attempts.push({ townKey, level: 'residence', chome, block, residence });
  if (block !== null) attempts.push({ townKey, level: 'block', chome, block });
  if (chome !== null) attempts.push({ townKey, level: 'chome', chome });
  else attempts.push({ townKey, level: 'town', chome: null });
  for (const where of attempts) {
    const row = await findAddressPoint(executor, municipalityCode, where);
    if (row) {
      const label = formatStreetAddress({ town: row.town_name, ...row });
      return { parsed, hasData, point: { precision: row.level, lat: row.lat, lng: row.lng, label } };
    }
  }
  return { parsed, hasData, point: null };
}
