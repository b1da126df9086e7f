import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitStore } from '../store/rate-limit-store.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';

/** A route module's limit: where counts live, and how many requests per window. */
export interface RouteRateLimit {
  store: RateLimitStore;
  windowSeconds: number;
  max: number;
}

/**
 * 429 with Retry-After once a caller has used up its window, on whichever instance.
 * `keyOf` names the caller a request counts against, e.g. `user:42`.
 */
export function rateLimited(limit: RouteRateLimit, keyOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { hits, secondsLeft } = await limit.store.hit(keyOf(c), limit.windowSeconds);
    if (hits > limit.max) {
      const retryAfter = String(Math.max(1, Math.ceil(secondsLeft)));
      throw new HttpProblem(429, 'rate_limited', `too many requests; retry after ${retryAfter} s`, undefined, {
        'Retry-After': retryAfter,
      });
    }
    await next();
  };
}

/** The socket's peer address; behind a proxy this is the proxy (see README). */
export const remoteAddressOf = (c: Context<AppEnv>) => c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
