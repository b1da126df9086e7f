import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitStore } from '../store/rate-limit-store.js';
import type { AppEnv } from './app-env.js';
import type { ClientAddressOf } from './client-address.js';
import { HttpProblem } from './problem.js';

/**
 * A route module's limits. Counts live in the database, so every instance on it enforces the
 * same numbers. Failed authentication counts apart from everything else: garbage never spends
 * what a caller who authenticates needs.
 */
export interface RouteRateLimit {
  store: RateLimitStore;
  windowSeconds: number;
  /** Requests per window for one caller (a user, or an address where nobody signs in). */
  max: number;
  /** Failed attempts per window from one address; further failures get 429, a success still passes. */
  maxFailedAuth: number;
  /** Failures per window after which an address gets 429 before authentication even runs. */
  blockAfterFailures: number;
  /** Who a request comes from (the socket peer, or the client a trusted proxy names). */
  clientAddress: (c: Context<AppEnv>) => string;
  /** Which failure keys this process has seen fail lately (see `recentFailures`). */
  recentFailures: RecentFailures;
}

export interface RecentFailures {
  add(key: string, windowSeconds: number): void;
  /** False only when this process has surely seen no failure for `key` in the window. */
  mayHave(key: string): boolean;
}

const MAX_REMEMBERED_FAILURES = 50_000;

/**
 * Failure keys this process counted in their current window. The gate before the authorize hook
 * asks the database only for these, so requests from addresses that never failed here cost no
 * extra query. The count itself stays in the database: an address failing on another instance
 * is refused here after its first failure here (one more hook call per instance, no more).
 * Past `MAX_REMEMBERED_FAILURES` addresses (a spread-out flood), every request asks again.
 */
export function recentFailures(): RecentFailures {
  const until = new Map<string, number>();
  let overflowed = false;
  return {
    add(key, windowSeconds) {
      const now = Date.now();
      if (until.size >= MAX_REMEMBERED_FAILURES) {
        for (const [known, expiry] of until) if (expiry <= now) until.delete(known);
        overflowed = until.size >= MAX_REMEMBERED_FAILURES;
        if (overflowed) return;
      }
      until.set(key, now + windowSeconds * 1000);
    },
    mayHave(key) {
      if (overflowed) return true;
      const expiry = until.get(key);
      if (expiry === undefined) return false;
      if (expiry > Date.now()) return true;
      until.delete(key);
      return false;
    },
  };
}

/** The part of a request that names its client, for `clientAddressResolver`. */
export const requestAddressOf =
  (resolve: ClientAddressOf) =>
  (c: Context<AppEnv>): string =>
    resolve(c.env?.incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'));

const tooManyRequests = (secondsLeft: number) => {
  const retryAfter = String(Math.max(1, Math.ceil(secondsLeft)));
  return new HttpProblem(429, 'rate_limited', `too many requests; retry after ${retryAfter} s`, undefined, {
    'Retry-After': retryAfter,
  });
};

const failuresKey = (scope: string, c: Context<AppEnv>, limit: RouteRateLimit) =>
  `failed:${scope}:${limit.clientAddress(c)}`;

/**
 * 429 with Retry-After once a caller has used up its window, on whichever instance.
 * `keyOf` names the caller a request counts against, e.g. `user:42`.
 */
export function rateLimited(limit: RouteRateLimit, keyOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { hits, secondsLeft } = await limit.store.hit(keyOf(c), limit.windowSeconds);
    if (hits > limit.max) throw tooManyRequests(secondsLeft);
    await next();
  };
}

/**
 * Counts a failed authentication against the caller's address and throws: `problem` (401, 403)
 * while the address is within its failures, 429 after.
 */
export async function failedAuthentication(
  c: Context<AppEnv>,
  limit: RouteRateLimit,
  scope: string,
  problem: HttpProblem,
): Promise<never> {
  const key = failuresKey(scope, c, limit);
  const { hits, secondsLeft } = await limit.store.hit(key, limit.windowSeconds);
  limit.recentFailures.add(key, limit.windowSeconds);
  throw hits > limit.maxFailedAuth ? tooManyRequests(secondsLeft) : problem;
}

/**
 * Runs before authentication: an address that has failed `blockAfterFailures` times this window
 * gets 429 without the authorize hook being called, so a flood of bad tokens costs the
 * application nothing past that.
 */
export function refuseFailingAddresses(limit: RouteRateLimit, scope: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = failuresKey(scope, c, limit);
    if (limit.recentFailures.mayHave(key)) {
      const failures = await limit.store.peek(key, limit.windowSeconds);
      if (failures >= limit.blockAfterFailures) throw tooManyRequests(limit.windowSeconds);
    }
    await next();
  };
}

/**
 * For routes where nobody signs in (the passkey vault): every request counts against its
 * address, but one that ends in a 4xx gives its count back and counts as a failure instead, so
 * garbage from an address never uses up the ceremonies of a caller there who gets it right.
 */
export function limitedByAddress(limit: RouteRateLimit, scope: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = `${scope}:${limit.clientAddress(c)}`;
    const { hits, secondsLeft } = await limit.store.hit(key, limit.windowSeconds);
    if (hits > limit.max) throw tooManyRequests(secondsLeft);
    await next();
    const status = c.res.status;
    if (status < 400 || status >= 500 || status === 429) return;
    await limit.store.refund(key, limit.windowSeconds);
    const failed = await limit.store.hit(failuresKey(scope, c, limit), limit.windowSeconds);
    if (failed.hits > limit.maxFailedAuth) c.res = tooManyRequests(failed.secondsLeft).toResponse();
  };
}
