import { BlockList, isIP } from 'node:net';

/**
 * Names the client a request counts against: the socket peer, or, when that peer is a trusted
 * proxy, the address it put in X-Forwarded-For. IPv6 clients count per /64 (one customer
 * network holds a whole /64, so counting single addresses would let it rotate freely).
 */
export type ClientAddressOf = (socketAddress: string | undefined, forwardedFor: string | undefined) => string;

/**
 * `trustedProxies`: addresses or CIDR ranges (`10.0.0.0/8`, `fd00::/8`) of the proxies in front.
 * Throws on an entry that is neither, so a typo does not silently trust nobody.
 */
export function clientAddressResolver(trustedProxies: readonly string[] = []): ClientAddressOf {
  const trusted = new BlockList();
  for (const entry of trustedProxies) addTrusted(trusted, entry);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };

  return (socketAddress, forwardedFor) => {
    const peer = socketAddress ? normalizeAddress(socketAddress) : undefined;
    if (!peer) return 'unknown';
    if (trustedProxies.length === 0 || !isTrusted(peer) || !forwardedFor) return bucketOf(peer);
    // Each proxy appends the address it saw; only the entries our own proxies added can be
    // believed, so walk from the right past them. Anything left of that is the client's to say.
    const hops = forwardedFor.split(',').map((hop) => normalizeAddress(hop.trim()));
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      const hop = hops[i];
      if (!hop) return bucketOf(peer); // a hop that is no address: the header is not to be believed
      if (!isTrusted(hop)) return bucketOf(hop);
    }
    return bucketOf(hops[0] ?? peer); // every hop is a trusted proxy: the first one is the client
  };
}

function addTrusted(list: BlockList, entry: string) {
  const [address = '', prefix, ...rest] = entry.trim().split('/');
  const normalized = normalizeAddress(address);
  const family = normalized ? isIP(normalized) : 0;
  const bits = prefix === undefined ? undefined : Number(prefix);
  const maxBits = family === 6 ? 128 : 32;
  if (!normalized || family === 0 || rest.length > 0 || (bits !== undefined && !(bits >= 0 && bits <= maxBits))) {
    throw new Error(`trustProxy: "${entry}" is not an IP address or CIDR range`);
  }
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined || !Number.isInteger(bits)) list.addAddress(normalized, type);
  else list.addSubnet(normalized, bits, type);
}

/**
 * A plain address, or undefined when `value` is none: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, how a
 * dual-stack socket reports IPv4 peers) becomes IPv4, a zone (`%eth0`) and brackets go.
 */
export function normalizeAddress(value: string): string | undefined {
  let address = value.trim();
  if (address.startsWith('[') && address.includes(']')) address = address.slice(1, address.indexOf(']'));
  address = address.replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  const groups = expandIpv6(address);
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0) {
    if (groups[5] === 0xffff) return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  }
  return groups.map((group) => group.toString(16)).join(':');
}

/** The key an address counts under: itself for IPv4, its /64 network for IPv6. */
function bucketOf(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** Eight 16-bit groups of a valid IPv6 address (an embedded dotted IPv4 tail included). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((group) =>
    Number.parseInt(group, 16),
  );
}
