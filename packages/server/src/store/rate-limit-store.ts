import { and, eq, lt, sql } from 'drizzle-orm';
import type { BackupDb } from '../db/drizzle-handle.js';
import { rateLimitCounters } from '../db/schema.js';

const PRUNE_PROBABILITY = 0.001;

export interface RateLimitHit {
  /** Requests counted for this key in the current window, this one included. */
  hits: number;
  /** Seconds until the current window ends. */
  secondsLeft: number;
}

export interface RateLimitStore {
  /** Counts one request for `key` in the current window. */
  hit(key: string, windowSeconds: number): Promise<RateLimitHit>;
  /** Requests counted for `key` in the current window, without counting one. */
  peek(key: string, windowSeconds: number): Promise<number>;
  /** Takes back one count of the current window (a request that turned out not to count). */
  refund(key: string, windowSeconds: number): Promise<void>;
}

/**
 * Fixed-window counters in Postgres. The window is computed from the database clock, so
 * instances whose clocks differ still count into the same window; the upsert is atomic, so
 * concurrent requests on any instance never lose a count.
 */
export function createRateLimitStore(db: BackupDb): RateLimitStore {
  const windowStartOf = (windowSeconds: number) =>
    sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}::int) * ${windowSeconds}::int)`;
  const inCurrentWindow = (key: string, windowSeconds: number) =>
    and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStartedAt, windowStartOf(windowSeconds)));
  return {
    async peek(key, windowSeconds) {
      const [row] = await db
        .select({ hits: rateLimitCounters.hits })
        .from(rateLimitCounters)
        .where(inCurrentWindow(key, windowSeconds));
      return row?.hits ?? 0;
    },

    async refund(key, windowSeconds) {
      await db
        .update(rateLimitCounters)
        .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
        .where(inCurrentWindow(key, windowSeconds));
    },

    async hit(key, windowSeconds) {
      const windowStart = windowStartOf(windowSeconds);
      const [row] = await db
        .insert(rateLimitCounters)
        .values({ key, windowStartedAt: windowStart, hits: 1 })
        .onConflictDoUpdate({
          target: rateLimitCounters.key,
          set: {
            hits: sql`case when "rate_limit_counters"."window_started_at" = excluded.window_started_at
                           then "rate_limit_counters"."hits" + 1 else 1 end`,
            windowStartedAt: sql`excluded.window_started_at`,
          },
        })
        .returning({
          hits: rateLimitCounters.hits,
          secondsLeft: sql<number>`extract(epoch from ${rateLimitCounters.windowStartedAt} + make_interval(secs => ${windowSeconds}::int) - now())::float8`,
        });
      if (!row) throw new Error('rate limit upsert returned no row');
      // Now and then, drop counters of windows long gone, so the table holds only recent callers.
      if (Math.random() < PRUNE_PROBABILITY) {
        await db
          .delete(rateLimitCounters)
          .where(
            lt(
              rateLimitCounters.windowStartedAt,
              sql`now() - make_interval(secs => ${windowSeconds}::int) - interval '1 hour'`,
            ),
          );
      }
      return { hits: row.hits, secondsLeft: Number(row.secondsLeft) };
    },
  };
}
