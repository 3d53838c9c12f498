import { describe, expect, it } from 'vitest';
import { clientNetworkKey, truncatedAddress } from './client-network';

describe('client network key', () => {
  it('puts every address of one IPv6 /64 under one key, however it is written', () => {
    const keys = [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:0000:0000:0000:0002',
      '2001:db8:1:2:a:b:c:d',
      '2001:DB8:1:2:ffff:ffff:ffff:ffff',
    ].map(clientNetworkKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('keeps neighbouring /64s apart', () => {
    expect(clientNetworkKey('2001:db8:1:3::1')).not.toBe(clientNetworkKey('2001:db8:1:2::1'));
    expect(clientNetworkKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('counts IPv4 per address, IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(clientNetworkKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetworkKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetworkKey('203.0.113.8')).not.toBe(clientNetworkKey('203.0.113.7'));
  });

  it('reads an embedded dotted quad and a zone index', () => {
    expect(clientNetworkKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(clientNetworkKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('leaves what is not an address as it is', () => {
    expect(clientNetworkKey('unknown')).toBe('unknown');
  });
});

describe('truncated address', () => {
  it('shows IPv4 as its /24 and IPv6 as its /48', () => {
    expect(truncatedAddress('203.0.113.7')).toBe('203.0.113.0/24');
    expect(truncatedAddress('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
    expect(truncatedAddress('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(truncatedAddress(null)).toBeNull();
    expect(truncatedAddress('garbage')).toBeNull();
  });
});
