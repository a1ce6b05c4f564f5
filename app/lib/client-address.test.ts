import { describe, expect, it } from 'vitest';
import { clientAddressFrom, rateLimitClientKey } from './client-address';

describe('client address', () => {
  it('reads the one address server.mjs leaves in X-Forwarded-For', () => {
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddressFrom(new Headers({ 'x-real-ip': '10.0.0.1' }))).toBe('unknown');
  });

  it('keys IPv4 by address and IPv6 by its /64', () => {
    expect(rateLimitClientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitClientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    const a = rateLimitClientKey('2001:db8:1:2:aaaa::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(rateLimitClientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(rateLimitClientKey('2001:db8:1:3::1')).not.toBe(a);
    expect(rateLimitClientKey('::1')).toBe('::/64');
    expect(rateLimitClientKey('unknown')).toBe('unknown');
  });
});
