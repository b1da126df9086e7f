import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachBackend } from './support/backends.js';
import {
  captureLogs,
  getUserShare,
  postWebhook,
  putUserShare,
  startTestServer,
  uniqueId,
} from './support/test-server.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import type { RunningServer } from '../src/start-server.js';

describeOnEachBackend('every custodian share is kept', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;
  const logs = captureLogs();
  beforeAll(async () => {
    database = await backend.open();
    server = await startTestServer(database, { logger: logs.logger });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it.each(['SECP256K1_PASSWORD', 'ICLOUD', 'ED25519_GDRIVE', 'PASSWORD', 'X', 'A'.repeat(64), 'CUSTOM_2'])(
    'stores a custodian share under %s and fetches it by exactly that method',
    async (backupMethod) => {
      const clientId = uniqueId('client');
      const share = `share under ${backupMethod}`;
      expect((await postWebhook(server.url, '/webhook/backup', { backupMethod, clientId, share })).status).toBe(204);
      const fetched = await postWebhook(server.url, '/webhook/backup/fetch', { backupMethod, clientId });
      expect(fetched.status).toBe(200);
      expect(await fetched.json()).toEqual({ share });
    },
  );

  it('keeps shares under different methods of one client apart', async () => {
    const clientId = uniqueId('client');
    for (const backupMethod of ['PASSWORD', 'SECP256K1_PASSWORD', 'ICLOUD']) {
      await postWebhook(server.url, '/webhook/backup', { backupMethod, clientId, share: `for ${backupMethod}` });
    }
    for (const backupMethod of ['PASSWORD', 'SECP256K1_PASSWORD', 'ICLOUD']) {
      const fetched = await postWebhook(server.url, '/webhook/backup/fetch', { backupMethod, clientId });
      expect(await fetched.json()).toEqual({ share: `for ${backupMethod}` });
    }
    expect(
      (await postWebhook(server.url, '/webhook/backup/fetch', { backupMethod: 'ED25519_PASSWORD', clientId })).status,
    ).toBe(404);
  });

  it('logs a method Backup Kit does not know, never the share or the client', async () => {
    const clientId = uniqueId('client');
    const share = 'the-secret-custodian-share-0123456789';
    await postWebhook(server.url, '/webhook/backup', { backupMethod: 'SECP256K1_ICLOUD', clientId, share });
    const entries = logs.lines.map((line) => JSON.parse(line) as { level: string; msg: string; backupMethod?: string });
    expect(entries).toContainEqual(expect.objectContaining({ level: 'warn', backupMethod: 'SECP256K1_ICLOUD' }));
    expect(logs.lines.join('\n')).not.toContain(share);
    expect(logs.lines.join('\n')).not.toContain(clientId);
  });

  it('does not warn about the methods it knows', async () => {
    const before = logs.lines.length;
    await postWebhook(server.url, '/webhook/backup', { backupMethod: 'GDRIVE', clientId: uniqueId('c'), share: 's' });
    const warnings = logs.lines.slice(before).filter((line) => line.includes('"level":"warn"'));
    expect(warnings).toEqual([]);
  });

  it.each(['password', 'SECP256K1-PASSWORD', 'A'.repeat(65), '', 'ICLOUD ', 7, null])(
    'refuses a custodian method that is no token (%j) with 400 naming backupMethod',
    async (backupMethod) => {
      const response = await postWebhook(server.url, '/webhook/backup', {
        backupMethod,
        clientId: uniqueId('client'),
        share: 's',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'backupMethod' });
    },
  );

  it('stores a user share under ICLOUD and reads it back', async () => {
    const userId = uniqueId('user');
    expect((await putUserShare(server.url, userId, { backupMethod: 'ICLOUD', cipherText: 'from iOS' })).status).toBe(
      200,
    );
    expect(await (await getUserShare(server.url, userId, 'ICLOUD')).json()).toMatchObject({
      backupMethod: 'ICLOUD',
      cipherText: 'from iOS',
    });
  });
});
