import { z } from 'zod';

/** What the public web app needs to know about this installation before it draws a map. */
export const PublicConfig = z.object({
  /** Tile URL template ({z}/{x}/{y}); null when the installation runs without a tile server. */
  tileUrl: z.string().nullable(),
  /** HTML attribution shown on the map (地理院タイル by default). */
  attribution: z.string(),
  defaultMunicipality: z.string().regex(/^\d{6}$/),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
