import { z } from 'zod';

/**
 * How precise a base point for distances is, most precise first: a 住居 (号), a 街区 (番), a 丁目,
 * or the centre of a town (町丁). The same list is the CHECK of `address_points.level`.
 */
export const ADDRESS_PRECISIONS = ['residence', 'block', 'chome', 'town'] as const;
export const AddressPrecision = z.enum(ADDRESS_PRECISIONS);
export type AddressPrecision = z.infer<typeof AddressPrecision>;

/**
 * Why a base point is less precise than the typed address: the ward has not loaded the address
 * registry (`no_address_data`), or the registry has no such 街区 or 住居 (`not_found`).
 */
export const AddressFallback = z.enum(['no_address_data', 'not_found']);
export type AddressFallback = z.infer<typeof AddressFallback>;

/** What `zaitaku address import` reports (also the audit row's details). */
export type AddressImportReport = {
  municipalityCode: string;
  /** Files read, each with the kind its header named. */
  files: Array<{ file: string; kind: string; rows: number }>;
  /** Rows stored, by level. */
  stored: Record<AddressPrecision, number>;
  /** Rows of other municipalities in the files (not stored). */
  otherMunicipalities: number;
  /** Rows left out: abolished (廃止日), no position, or a position without a name. */
  skipped: { abolished: number; withoutPosition: number; withoutName: number };
  /** Rows of this municipality the import replaced. */
  replaced: number;
};
