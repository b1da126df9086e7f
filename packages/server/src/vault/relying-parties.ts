/** Which relying parties a vault serves and from which page origins. */
export interface RelyingParties {
  has(rpId: string): boolean;
  /** The allowed origins a ceremony for `rpId` may come from (its host is rpId or below it). */
  originsFor(rpId: string): string[];
}

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
const isLocalhost = (host: string) => host === 'localhost' || host.endsWith('.localhost');
const isUnder = (host: string, rpId: string) => host === rpId || host.endsWith(`.${rpId}`);

/**
 * Checks the configuration once, at start: every RP ID a domain (browsers refuse IP addresses),
 * every origin a bare https origin (http only on localhost, the one insecure context WebAuthn
 * runs in), every RP ID reachable from at least one origin and every origin on one of the RP
 * IDs. A mistake here would otherwise only show as ceremonies failing.
 */
export function relyingPartiesOf(rpIds: readonly string[], allowedOrigins: readonly string[]): RelyingParties {
  if (rpIds.length === 0) throw new Error('vault: relyingParties must name at least one RP ID');
  for (const rpId of rpIds) {
    if (!DOMAIN.test(rpId) || IPV4.test(rpId)) {
      throw new Error(`vault: relying party "${rpId}" is not a lower-case domain name (no scheme, port or IP)`);
    }
  }
  const origins = allowedOrigins.map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`vault: allowed origin "${origin}" is not a URL`);
    }
    if (url.origin !== origin) {
      throw new Error(`vault: allowed origin "${origin}" must be a bare origin, e.g. ${url.origin}`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalhost(url.hostname))) {
      throw new Error(`vault: allowed origin "${origin}" must use https (http only on localhost)`);
    }
    return { origin, host: url.hostname };
  });
  for (const rpId of rpIds) {
    if (!origins.some(({ host }) => isUnder(host, rpId))) {
      throw new Error(`vault: no allowed origin is on relying party "${rpId}" or below it`);
    }
  }
  for (const { origin, host } of origins) {
    if (!rpIds.some((rpId) => isUnder(host, rpId))) {
      throw new Error(`vault: allowed origin "${origin}" is on none of the relying parties`);
    }
  }
  const known = new Set(rpIds);
  return {
    has: (rpId) => known.has(rpId),
    originsFor: (rpId) => origins.filter(({ host }) => isUnder(host, rpId)).map(({ origin }) => origin),
  };
}
