import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { rateLimitCounters } from '../src/db/schema.js';
import { createRateLimitStore } from '../src/store/rate-limit-store.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { WEBHOOK_SECRET, getUserShare, postWebhook, startTestServer, uniqueId } from './support/test-server.js';

describeOnEachBackend('rate limiting', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await backend.open();
    // An hour-long window: a test never straddles two windows and sees its count reset.
    server = await startTestServer(database, {
      rateLimit: { windowSeconds: 3600, maxPerUser: 3, maxPerWebhookCaller: 4 },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it('answers 429 with Retry-After once a user has used up the window, and not before', async () => {
    const userId = uniqueId('user');
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await getUserShare(server.url, userId, 'PASSWORD')).status);
    expect(statuses).toEqual([404, 404, 404]);

    const limited = await getUserShare(server.url, userId, 'PASSWORD');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
  });

  it('counts each user separately', async () => {
    const busy = uniqueId('busy');
    for (let i = 0; i < 4; i += 1) await getUserShare(server.url, busy, 'PASSWORD');
    expect((await getUserShare(server.url, busy, 'PASSWORD')).status).toBe(429);
    expect((await getUserShare(server.url, uniqueId('calm'), 'PASSWORD')).status).toBe(404);
  });

  it('limits webhook callers by address, wrong secrets included, before checking the secret', async () => {
    const body = { clientId: uniqueId('client'), backupMethod: 'PASSWORD' };
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await postWebhook(server.url, '/webhook/backup/fetch', body, 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const limited = await postWebhook(server.url, '/webhook/backup/fetch', body, WEBHOOK_SECRET);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('now and then drops counters of long-gone windows, keeping current ones', async () => {
    const db = drizzleOf(database);
    const stale = uniqueId('stale');
    await db
      .insert(rateLimitCounters)
      .values({ key: stale, windowStartedAt: sql`now() - interval '3 hours'`, hits: 9 });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0); // this request is the one that prunes
    try {
      await createRateLimitStore(db).hit(uniqueId('current'), 60);
    } finally {
      random.mockRestore();
    }
    const keys = (await db.select({ key: rateLimitCounters.key }).from(rateLimitCounters)).map((row) => row.key);
    expect(keys).not.toContain(stale);
    expect(keys.some((key) => key.startsWith('user:'))).toBe(true); // this suite's live counters survive
  });
});
