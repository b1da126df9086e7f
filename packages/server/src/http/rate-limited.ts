import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitStore } from '../store/rate-limit-store';
import type { AppEnv } from './app-env';
import { HttpProblem } from './problem';

export interface RateLimitRule {
  windowSeconds: number;
  max: number;
  /** The caller a request counts against, e.g. `user:42`. */
  keyOf: (c: Context<AppEnv>) => string;
}

/** 429 with Retry-After once a caller has used up its window, on whichever instance. */
export function rateLimited(store: RateLimitStore, rule: RateLimitRule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { hits, secondsLeft } = await store.hit(rule.keyOf(c), rule.windowSeconds);
    if (hits > rule.max) {
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
