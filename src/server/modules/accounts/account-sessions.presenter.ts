import type { OwnSession } from '../../../contracts/accounts';
import { truncatedAddress } from './client-network';
import type { OwnSessionRow } from './session.queries';
import { toTokyoIso } from './tokyo-time';
import { summariseUserAgent } from './user-agent-summary';

/** A session row as its owner sees it: coarse device and network; never the token or full address. */
export function toOwnSession(row: OwnSessionRow, currentSessionId: string): OwnSession {
  return {
    id: row.id,
    createdAt: toTokyoIso(row.createdAt),
    lastSeenAt: toTokyoIso(row.lastSeenAt),
    device: summariseUserAgent(row.userAgent),
    network: truncatedAddress(row.clientIp),
    twoFactorVerified: row.twoFactorVerified,
    current: row.id === currentSessionId,
  };
}
