import { isIP } from 'node:net';

/**
 * Whether a host name or address only ever reaches this machine: `localhost` and `*.localhost`
 * (RFC 6761; browsers resolve them to loopback themselves), 127.0.0.0/8 and ::1.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(name);
  return false;
}

/** The host of a Host header (`name:port`, `[v6]:port`), or undefined when it is malformed. */
export function hostOfHeader(header: string): string | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/.exec(header.trim());
  return match?.[1] ?? match?.[2];
}
