import type { BackupDb } from '../db/drizzle-handle.js';
import { DEFAULT_RATE_LIMIT } from '../defaults.js';
import type { RateLimitOptions } from '../router-options.js';
import { createRateLimitStore } from '../store/rate-limit-store.js';
import { clientAddressResolver } from './client-address.js';
import { type RouteRateLimit, recentFailures, requestAddressOf } from './rate-limited.js';

/**
 * The limits of a router's route modules, all counting in one database table: `limitOf(max)`
 * is a module's limit with its own per-caller maximum, or false when limiting is off.
 */
export function routeLimits(
  db: BackupDb,
  options: RateLimitOptions | false | undefined,
  trustProxy: readonly string[] | undefined,
): { settings: Required<RateLimitOptions> | undefined; limitOf: (max: number) => RouteRateLimit | false } {
  // Resolved even with limits off, so a bad --trust-proxy entry fails at start either way.
  const clientAddress = requestAddressOf(clientAddressResolver(trustProxy));
  if (options === false) return { settings: undefined, limitOf: () => false };
  const settings = { ...DEFAULT_RATE_LIMIT, ...options };
  const store = createRateLimitStore(db);
  const failures = recentFailures();
  return {
    settings,
    limitOf: (max) => ({
      store,
      windowSeconds: settings.windowSeconds,
      max,
      maxFailedAuth: settings.maxFailedAuthPerAddress,
      blockAfterFailures: settings.blockAddressAfterFailures,
      clientAddress,
      recentFailures: failures,
    }),
  };
}
