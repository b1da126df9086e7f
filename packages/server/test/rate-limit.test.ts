import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { rateLimitCounters } from '../src/db/schema.js';
import { createRateLimitStore } from '../src/store/rate-limit-store.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import type { Authorize } from '../src/router-options.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { binIsBuilt, runBin } from './support/bin.js';
import { WEBHOOK_SECRET, getUserShare, startTestServer, tempDir, uniqueId } from './support/test-server.js';

const LIMITS = {
  windowSeconds: 3600, // an hour-long window: a test never straddles two windows and sees its count reset
  maxPerUser: 3,
  maxPerWebhookCaller: 4,
  maxPerVaultCaller: 4,
  maxFailedAuthPerAddress: 3,
  blockAddressAfterFailures: 6,
};

/** A client address of its own for each test, named through the trusted loopback proxy. */
const newClient = () => `203.0.${randomInt(256)}.${randomInt(1, 255)}`;
const from = (client: string) => ({ 'X-Forwarded-For': client });

const webhookFrom = (url: string, client: string, secret: string) =>
  fetch(`${url}/webhook/backup/fetch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Webhook-Secret': secret, ...from(client) },
    body: JSON.stringify({ clientId: uniqueId('client'), backupMethod: 'PASSWORD' }),
  });

const vaultFrom = (url: string, client: string, body: unknown) =>
  fetch(`${url}/vault/registration/options`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...from(client) },
    body: JSON.stringify(body),
  });

const statusesOf = async (count: number, request: () => Promise<Response>) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await request()).status);
  return statuses;
};

describeOnEachBackend('rate limiting', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;
  let authorized: RunningServer;
  const authorizeCalls = vi.fn();
  // The application's session check: "Bearer good:<userId>" is valid, anything else is not.
  const authorize: Authorize = (request) => {
    authorizeCalls();
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    return token.startsWith('good:') ? { userId: token.slice(5) } : null;
  };

  beforeAll(async () => {
    database = await backend.open();
    const trusted = { rateLimit: LIMITS, trustProxy: ['127.0.0.1', '::1'] };
    server = await startTestServer(database, {
      ...trusted,
      vault: { relyingParties: ['localhost'], allowedOrigins: ['http://localhost:5173'] },
    });
    authorized = await startTestServer(database, { ...trusted, authorize, mode: 'production' });
  });
  afterAll(async () => {
    await server?.stop();
    await authorized?.stop();
    await database?.close();
  });

  it('answers 429 with Retry-After once a user has used up the window, and not before', async () => {
    const userId = uniqueId('user');
    const statuses = await statusesOf(3, () => getUserShare(server.url, userId, 'PASSWORD', from(newClient())));
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
    await statusesOf(4, () => getUserShare(server.url, busy, 'PASSWORD'));
    expect((await getUserShare(server.url, busy, 'PASSWORD')).status).toBe(429);
    expect((await getUserShare(server.url, uniqueId('calm'), 'PASSWORD')).status).toBe(404);
  });

  it('answers 429 to an address that keeps guessing the webhook secret, and still lets the right secret through', async () => {
    const guesser = newClient();
    expect(await statusesOf(5, () => webhookFrom(server.url, guesser, 'guess'))).toEqual([401, 401, 401, 429, 429]);
    const right = await webhookFrom(server.url, guesser, WEBHOOK_SECRET);
    expect(right.status).toBe(404); // past the secret and the limit: no share for this client
    const refused = await webhookFrom(server.url, guesser, 'guess');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it("never refuses a valid webhook for other callers' wrong secrets", async () => {
    const portal = newClient();
    const prober = newClient();
    await statusesOf(40, () => webhookFrom(server.url, prober, 'guess'));
    expect((await webhookFrom(server.url, portal, WEBHOOK_SECRET)).status).toBe(404);
    // Even failures behind the same address leave the right secret its own allowance.
    await statusesOf(10, () => webhookFrom(server.url, portal, 'guess'));
    expect(await statusesOf(3, () => webhookFrom(server.url, portal, WEBHOOK_SECRET))).toEqual([404, 404, 404]);
  });

  it('limits right-secret webhooks per address, apart from failures', async () => {
    const portal = newClient();
    expect(await statusesOf(5, () => webhookFrom(server.url, portal, WEBHOOK_SECRET))).toEqual([
      404, 404, 404, 404, 429,
    ]);
    expect((await webhookFrom(server.url, newClient(), WEBHOOK_SECRET)).status).toBe(404);
  });

  it('answers 429 to bad tokens from an address, and lets a good token from there through', async () => {
    const client = newClient();
    const userId = uniqueId('user');
    const bad = () =>
      getUserShare(authorized.url, userId, 'PASSWORD', { ...from(client), Authorization: 'Bearer forged' });
    expect(await statusesOf(5, bad)).toEqual([401, 401, 401, 429, 429]);
    const good = await getUserShare(authorized.url, userId, 'PASSWORD', {
      ...from(client),
      Authorization: `Bearer good:${userId}`,
    });
    expect(good.status).toBe(404);
  });

  it('counts reaching for another user as a failure too', async () => {
    const client = newClient();
    const forOther = () =>
      getUserShare(authorized.url, uniqueId('victim'), 'PASSWORD', {
        ...from(client),
        Authorization: 'Bearer good:mallory',
      });
    expect(await statusesOf(4, forOther)).toEqual([403, 403, 403, 429]);
  });

  it('bounds an unauthenticated flood before the authorize hook runs', async () => {
    const client = newClient();
    const userId = uniqueId('user');
    const bad = () =>
      getUserShare(authorized.url, userId, 'PASSWORD', { ...from(client), Authorization: 'Bearer forged' });
    authorizeCalls.mockClear();
    const statuses = await statusesOf(30, bad);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(27);
    expect(authorizeCalls).toHaveBeenCalledTimes(LIMITS.blockAddressAfterFailures);
    // Another address is not held up by it.
    const other = await getUserShare(authorized.url, userId, 'PASSWORD', {
      ...from(newClient()),
      Authorization: `Bearer good:${userId}`,
    });
    expect(other.status).toBe(404);
  });

  it('bounds the flood across instances: another instance calls the hook at most once more', async () => {
    const client = newClient();
    const userId = uniqueId('user');
    const bad = (url: string) => () =>
      getUserShare(url, userId, 'PASSWORD', { ...from(client), Authorization: 'Bearer forged' });
    authorizeCalls.mockClear();
    await statusesOf(10, bad(authorized.url));
    expect(authorizeCalls).toHaveBeenCalledTimes(LIMITS.blockAddressAfterFailures);
    const other = await startTestServer(database, {
      rateLimit: LIMITS,
      trustProxy: ['127.0.0.1'],
      authorize,
      mode: 'production',
    });
    try {
      expect(await statusesOf(5, bad(other.url))).toEqual([429, 429, 429, 429, 429]);
      expect(authorizeCalls).toHaveBeenCalledTimes(LIMITS.blockAddressAfterFailures + 1);
    } finally {
      await other.stop();
    }
  });

  it('lets a valid vault ceremony through after garbage from the same address', async () => {
    const client = newClient();
    const garbage = await statusesOf(10, () => vaultFrom(server.url, client, { rpId: 'evil.example' }));
    expect(garbage.slice(0, 3)).toEqual([400, 400, 400]);
    expect(garbage.slice(3)).toEqual(Array(7).fill(429));
    const valid = await vaultFrom(server.url, client, { rpId: 'localhost', rpName: 'Wallet' });
    expect(valid.status).toBe(200);
    // Successes have a limit of their own.
    expect(await statusesOf(4, () => vaultFrom(server.url, client, { rpId: 'localhost', rpName: 'Wallet' }))).toEqual([
      200, 200, 200, 429,
    ]);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const untrusting = await startTestServer(database, { rateLimit: LIMITS });
    try {
      // Spoofing a new address per request gains nothing: all count against the socket peer.
      const statuses = await statusesOf(5, () => webhookFrom(untrusting.url, newClient(), 'guess'));
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await untrusting.stop();
    }
  });

  it('takes the right-most untrusted address of X-Forwarded-For behind a trusted proxy', async () => {
    const client = newClient();
    // The client may put anything on the left; our proxy appends what it saw.
    const spoofing = (i: number) =>
      fetch(`${server.url}/webhook/backup/fetch`, {
        method: 'POST',
        headers: { 'X-Webhook-Secret': 'guess', 'X-Forwarded-For': `198.51.100.${i}, ${client}, 127.0.0.1` },
        body: '{}',
      });
    const statuses = [];
    for (let i = 1; i <= 4; i += 1) statuses.push((await spoofing(i)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts IPv6 callers per /64', async () => {
    const [a, b] = [randomInt(0xffff), randomInt(0xfffe)];
    const inNetwork = (hostBits: string) => `2001:db8:${a.toString(16)}:${b.toString(16)}:${hostBits}`;
    const statuses = await statusesOf(4, () =>
      webhookFrom(
        server.url,
        inNetwork(`${randomInt(0xffff).toString(16)}::${randomInt(0xffff).toString(16)}`),
        'guess',
      ),
    );
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The neighbouring /64 is someone else.
    const neighbour = `2001:db8:${a.toString(16)}:${(b + 1).toString(16)}::1`;
    expect((await webhookFrom(server.url, neighbour, 'guess')).status).toBe(401);
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', async () => {
    const client = newClient();
    await statusesOf(2, () => webhookFrom(server.url, client, 'guess'));
    expect((await webhookFrom(server.url, `::ffff:${client}`, 'guess')).status).toBe(401);
    expect((await webhookFrom(server.url, `::ffff:${client}`, 'guess')).status).toBe(429);
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

describe.skipIf(!binIsBuilt())('the built bin behind a trusted proxy', () => {
  it('counts failures per forwarded client with --trust-proxy, and lets the right secret through', async () => {
    const dir = await tempDir();
    const run = runBin(
      ['--port', '0', '--data-dir', 'memory://', '--key-file', join(dir, 'keys.json'), '--trust-proxy', '127.0.0.1'],
      { WEBHOOK_SECRET, NODE_ENV: 'development', BACKUP_KIT_DEV: '1', DATABASE_URL: '' },
    );
    try {
      const url = await run.url();
      const [guesser, portal] = [newClient(), newClient()];
      const statuses = await statusesOf(21, () => webhookFrom(url, guesser, 'guess'));
      expect(statuses).toEqual([...Array(20).fill(401), 429]); // 20 failures per address: the default
      expect((await webhookFrom(url, portal, 'guess')).status).toBe(401);
      expect((await webhookFrom(url, guesser, WEBHOOK_SECRET)).status).toBe(404);
    } finally {
      await run.stop();
    }
  });
});
