import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log/logger.js';
import { type StartServerOptions, startServer } from '../src/start-server.js';
import { createPostgresDatabase, postgresBackend } from './support/backends.js';
import { WEBHOOK_SECRET, getUserShare, postWebhook, putUserShare, tempDir, uniqueId } from './support/test-server.js';

async function writeStopStartRead(storage: Pick<StartServerOptions, 'dataDir' | 'databaseUrl'>) {
  const keyFile = join(await tempDir(), 'keys.json');
  const options: StartServerOptions = {
    ...storage,
    port: 0,
    keyFile,
    webhookSecret: WEBHOOK_SECRET,
    logger: silentLogger,
    mode: 'development',
  };
  const userId = uniqueId('user');
  const clientId = uniqueId('client');

  const before = await startServer(options);
  await putUserShare(before.url, userId, { backupMethod: 'PASSWORD', cipherText: 'kept-cipher' });
  await putUserShare(before.url, userId, { backupMethod: 'CUSTOM', cipherText: 'kept-custom' });
  await postWebhook(before.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'kept-share' });
  await before.stop();

  const after = await startServer(options);
  try {
    expect((await (await getUserShare(after.url, userId, 'PASSWORD')).json()).cipherText).toBe('kept-cipher');
    expect((await (await getUserShare(after.url, userId, 'CUSTOM')).json()).cipherText).toBe('kept-custom');
    const fetched = await postWebhook(after.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
    expect(await fetched.json()).toEqual({ share: 'kept-share' });
  } finally {
    await after.stop();
  }
}

describe('a restart', () => {
  it('keeps every stored share in a PGlite data folder', async () => {
    await writeStopStartRead({ dataDir: join(await tempDir(), 'pglite') });
  });

  it.skipIf(!postgresBackend().available)('keeps every stored share in Postgres', async () => {
    await writeStopStartRead({ databaseUrl: await createPostgresDatabase() });
  });

  it('stops once, however often stop is called', async () => {
    const server = await startServer({
      port: 0,
      dataDir: 'memory://',
      keyFile: join(await tempDir(), 'keys.json'),
      webhookSecret: WEBHOOK_SECRET,
      logger: silentLogger,
      mode: 'development',
    });
    await server.stop();
    await expect(server.stop()).resolves.toBeUndefined();
    await expect(fetch(`${server.url}/webhook/backup`)).rejects.toThrow();
  });
});
