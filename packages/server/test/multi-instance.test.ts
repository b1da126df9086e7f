import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/start-server.js';
import { startServer } from '../src/start-server.js';
import { silentLogger } from '../src/log/logger.js';
import { createPostgresDatabase, postgresBackend } from './support/backends.js';
import { WEBHOOK_SECRET, getUserShare, postWebhook, putUserShare, tempDir, uniqueId } from './support/test-server.js';

// Several instances behind a load balancer: separate processes in production, separate
// servers with separate pools here, sharing only Postgres and the key file.
describe.skipIf(!postgresBackend().available)('two server instances on one Postgres', () => {
  let databaseUrl: string;
  let keyFile: string;
  let first: RunningServer;
  let second: RunningServer;

  const startInstance = () =>
    startServer({
      port: 0,
      databaseUrl,
      keyFile,
      webhookSecret: WEBHOOK_SECRET,
      logger: silentLogger,
      mode: 'development',
      rateLimit: { windowSeconds: 3600, maxPerUser: 4, maxPerWebhookCaller: 10_000 },
    });

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase();
    keyFile = join(await tempDir(), 'keys.json');
    // Started together on an empty database: the migration lock lets one migrate at a time.
    [first, second] = await Promise.all([startInstance(), startInstance()]);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it('listen on different loopback ports', () => {
    expect(first.port).not.toBe(second.port);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('read through one instance the user share written through the other', async () => {
    const userId = uniqueId('user');
    expect((await putUserShare(first.url, userId, { backupMethod: 'PASSWORD', cipherText: 'via-first' })).status).toBe(
      200,
    );
    expect((await (await getUserShare(second.url, userId, 'PASSWORD')).json()).cipherText).toBe('via-first');
  });

  it('open through one instance the custodian share sealed by the other', async () => {
    const clientId = uniqueId('client');
    await postWebhook(first.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'sealed-by-first' });
    const fetched = await postWebhook(second.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
    expect(await fetched.json()).toEqual({ share: 'sealed-by-first' });
  });

  it('share one rate limit: requests spread over both count together', async () => {
    const userId = uniqueId('user');
    const statuses = [];
    for (const server of [first, second, first, second, first]) {
      statuses.push((await getUserShare(server.url, userId, 'PASSWORD')).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 429]);
    expect((await getUserShare(second.url, userId, 'PASSWORD')).status).toBe(429);
  });

  it('share one failure limit: wrong secrets spread over both count together, the right one still passes', async () => {
    const body = { clientId: uniqueId('client'), backupMethod: 'PASSWORD' };
    const statuses = [];
    for (let i = 0; i < 22; i += 1) {
      const server = i % 2 === 0 ? first : second;
      statuses.push((await postWebhook(server.url, '/webhook/backup/fetch', body, 'guess')).status);
    }
    // 20 failures per address per window (the default), counted across both instances.
    expect(statuses).toEqual([...Array(20).fill(401), 429, 429]);
    for (const server of [first, second]) {
      expect((await postWebhook(server.url, '/webhook/backup/fetch', body, WEBHOOK_SECRET)).status).toBe(404);
    }
  });
});
