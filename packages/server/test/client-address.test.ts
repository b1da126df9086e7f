import { describe, expect, it } from 'vitest';
import { clientAddressResolver, normalizeAddress } from '../src/http/client-address.js';

describe('the client address a request counts against', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const addressOf = clientAddressResolver();
    expect(addressOf('192.0.2.7', '198.51.100.1')).toBe('192.0.2.7');
    expect(addressOf(undefined, '198.51.100.1')).toBe('unknown');
  });

  it('is the socket peer when the peer is not a trusted proxy', () => {
    const addressOf = clientAddressResolver(['10.0.0.0/8']);
    expect(addressOf('192.0.2.7', '198.51.100.1')).toBe('192.0.2.7');
  });

  it('is the right-most address a trusted proxy did not add', () => {
    const addressOf = clientAddressResolver(['10.0.0.0/8', '192.0.2.1']);
    expect(addressOf('10.1.2.3', '1.1.1.1, 198.51.100.9, 192.0.2.1, 10.9.9.9')).toBe('198.51.100.9');
    expect(addressOf('10.1.2.3', '198.51.100.9')).toBe('198.51.100.9');
    // Only trusted hops: the first of them is the client.
    expect(addressOf('10.1.2.3', '10.4.4.4, 10.5.5.5')).toBe('10.4.4.4');
    // No header from a trusted proxy: the proxy itself.
    expect(addressOf('10.1.2.3', undefined)).toBe('10.1.2.3');
  });

  it('does not believe a header whose hop is no address', () => {
    const addressOf = clientAddressResolver(['127.0.0.1']);
    expect(addressOf('127.0.0.1', '198.51.100.9, not-an-address')).toBe('127.0.0.1');
  });

  it('trusts a dual-stack socket peer given as IPv4-mapped IPv6', () => {
    const addressOf = clientAddressResolver(['127.0.0.1']);
    expect(addressOf('::ffff:127.0.0.1', '198.51.100.9')).toBe('198.51.100.9');
    expect(addressOf('::ffff:192.0.2.7', undefined)).toBe('192.0.2.7');
  });

  it('counts IPv6 clients per /64', () => {
    const addressOf = clientAddressResolver();
    expect(addressOf('2001:db8:1:2:aaaa::1', undefined)).toBe('2001:db8:1:2::/64');
    expect(addressOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff', undefined)).toBe('2001:db8:1:2::/64');
    expect(addressOf('2001:db8:1:3::1', undefined)).toBe('2001:db8:1:3::/64');
    expect(addressOf('fe80::1%eth0', undefined)).toBe('fe80:0:0:0::/64');
  });

  it('refuses a trusted proxy entry that is no address or range', () => {
    expect(() => clientAddressResolver(['proxy.internal'])).toThrow(/not an IP address or CIDR range/);
    expect(() => clientAddressResolver(['10.0.0.0/33'])).toThrow(/not an IP address/);
    expect(() => clientAddressResolver(['fd00::/64', '::1'])).not.toThrow();
  });

  it('normalizes addresses', () => {
    expect(normalizeAddress('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(normalizeAddress('::FFFF:cb00:7105')).toBe('203.0.113.5');
    expect(normalizeAddress('[2001:db8::1]')).toBe('2001:db8:0:0:0:0:0:1');
    expect(normalizeAddress('unknown')).toBeUndefined();
  });
});
