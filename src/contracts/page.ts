import { z } from 'zod';

/**
 * The one list pattern (docs/architecture.md): every staff list is newest-first (or its own stable
 * order) and pages by an opaque keyset cursor. The cursor encodes the last row's sort key and id,
 * so a page never skips or repeats a row when rows are added meanwhile, and no list counts its
 * whole table (counts that could reveal what a caller may not see stay out of lists).
 */
export const PageCursor = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'invalid cursor');

/** `?cursor=&limit=` of every list route. */
export const PageQuery = z.object({
  cursor: PageCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of `item`: the rows and the cursor of the next page (null on the last one). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };
