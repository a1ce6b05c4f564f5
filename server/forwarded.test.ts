import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rewriteForwardingHeaders, trustFrom } from './forwarded.mjs';

/** A request as Node hands it to the server: headers plus the socket's peer address. */
function request(remoteAddress: string, headers: Record<string, string>) {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

const spoofed = { 'x-forwarded-for': '198.51.100.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', 'x-real-ip': '198.51.100.9' };

describe('forwarding headers', () => {
  it('trusts nobody by default: the socket address is the client, whatever the headers say', () => {
    const req = request('203.0.113.7', spoofed);
    expect(rewriteForwardingHeaders(req, trustFrom(undefined))).toEqual({ address: '203.0.113.7', https: false });
    expect(req.headers).toEqual({ 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'http' });
  });

  it('takes the client from a trusted proxy (CIDR list or loopback) and its protocol and host', () => {
    for (const rule of ['10.0.0.0/8', 'loopback, 10.0.0.1']) {
      const req = request('10.0.0.1', { ...spoofed, 'x-forwarded-for': '1.1.1.1, 203.0.113.7' });
      expect(rewriteForwardingHeaders(req, trustFrom(rule))).toEqual({ address: '203.0.113.7', https: true });
      expect(req.headers['x-forwarded-host']).toBe('evil.example');
    }
    // A peer outside the list is the client itself.
    const direct = request('192.0.2.1', spoofed);
    expect(rewriteForwardingHeaders(direct, trustFrom('10.0.0.0/8')).address).toBe('192.0.2.1');
    expect(direct.headers['x-forwarded-host']).toBeUndefined();
  });

  it('with a hop count trusts exactly that many proxies', () => {
    const headers = { 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.2' };
    expect(rewriteForwardingHeaders(request('10.0.0.1', headers), trustFrom('1')).address).toBe('10.0.0.2');
    expect(rewriteForwardingHeaders(request('10.0.0.1', headers), trustFrom('2')).address).toBe('203.0.113.7');
  });

  it('refuses a TRUSTED_PROXIES value it cannot parse, so a typo stops the start', () => {
    expect(() => trustFrom('10.0.0.0/33')).toThrow();
    expect(() => trustFrom('not-an-address')).toThrow();
  });
});
