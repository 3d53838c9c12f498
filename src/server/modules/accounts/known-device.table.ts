import type { Generated } from 'kysely';

/**
 * A browser a user has completed a sign-in from (password and two-factor), known by its device
 * cookie. A sign-in whose cookie is not listed for the user is mailed to them (new device).
 */
export interface KnownDeviceTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 (hex) of the `zaitaku_device` cookie; the cookie itself is never stored. */
  device_hash: string;
  first_seen_at: Date;
  /** Last completed sign-in from it; the oldest are forgotten beyond KNOWN_DEVICES_PER_USER. */
  last_seen_at: Date;
}

declare module '../../platform/db/schema' {
  interface Database {
    known_devices: KnownDeviceTable;
  }
}
