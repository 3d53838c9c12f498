import { isIPv4, isIPv6 } from 'node:net';

/**
 * One IPv6 subscriber usually holds a whole /64 (RFC 6177 hands out /48–/64, SLAAC and privacy
 * addresses rotate inside it), so counting per address lets one client spray guesses from 2^64
 * addresses. Limits therefore count per /64 for IPv6 and per address for IPv4 (an IPv4-mapped
 * IPv6 address counts as its IPv4 address).
 */
export function clientNetworkKey(ip: string): string {
  const mapped = ipv4Of(ip);
  if (mapped) return mapped;
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * The address as shown to its owner in the list of sessions: coarse enough to say "home" or
 * "office" without writing out the address (IPv4 /24, IPv6 /48).
 */
export function truncatedAddress(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ipv4Of(ip);
  if (v4) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = ipv6Groups(ip);
  if (!groups) return null;
  return `${groups.slice(0, 3).join(':')}::/48`;
}

function ipv4Of(ip: string): string | undefined {
  if (isIPv4(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] && isIPv4(mapped[1]) ? mapped[1] : undefined;
}

/** The eight 16-bit groups of an IPv6 address, lower-case without leading zeros, or undefined. */
function ipv6Groups(ip: string): string[] | undefined {
  const address = ip.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) is not part of the network
  if (!isIPv6(address)) return undefined;
  let text = address.toLowerCase();
  // A trailing dotted quad (::1.2.3.4) is two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  const groups = [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16).toString(16));
  return groups.length === 8 ? groups : undefined;
}
