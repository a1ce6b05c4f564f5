import { describe, expect, it } from 'vitest';
import { approximateAddress } from './approximate-address';

describe('approximateAddress', () => {
  it('keeps the /24 of an IPv4 address, also when mapped into IPv6', () => {
    expect(approximateAddress('203.0.113.77')).toBe('203.0.113.0/24');
    expect(approximateAddress('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  });

  it('keeps the /48 of an IPv6 address, in any spelling', () => {
    expect(approximateAddress('2001:db8:5:1234::1')).toBe('2001:db8:5::/48');
    expect(approximateAddress('2001:0DB8:0005:0000:0000:0000:0000:0001')).toBe('2001:db8:5::/48');
    expect(approximateAddress('2001:db8::1')).toBe('2001:db8::/48');
    expect(approximateAddress('::1')).toBe('::/48');
    expect(approximateAddress('fe80::1%eth0')).toBe('fe80::/48');
  });

  it('has nothing to show for what is not an address', () => {
    expect(approximateAddress('unknown')).toBeNull();
    expect(approximateAddress('')).toBeNull();
    expect(approximateAddress(null)).toBeNull();
    expect(approximateAddress('1.2.3.4.5')).toBeNull();
  });
});
