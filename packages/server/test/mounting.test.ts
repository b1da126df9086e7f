import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupRouter, createBackupRouter } from '../src/create-backup-router.js';
import { loadLocalKeyFileProvider } from '../src/crypto/local-key-file-provider.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { silentLogger } from '../src/log/logger.js';
import { pgliteBackend } from './support/backends.js';
import { WEBHOOK_SECRET, getUserShare, postWebhook, putUserShare, tempDir, uniqueId } from './support/test-server.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

describe('mounting the router in an existing server', () => {
  let database: BackupDatabase;
  let router: BackupRouter;

  beforeAll(async () => {
    database = await pgliteBackend().open();
    router = createBackupRouter({
      db: database,
      webhookSecret: WEBHOOK_SECRET,
      keyProvider: await loadLocalKeyFileProvider(join(await tempDir(), 'keys.json')),
      logger: silentLogger,
      mode: 'development',
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('serves every route as a plain node:http request listener', async () => {
    const server = createServer(router.requestListener);
    const url = await listen(server);
    try {
      const userId = uniqueId('user');
      expect((await putUserShare(url, userId, { backupMethod: 'PASSWORD', cipherText: 'node-http' })).status).toBe(200);
      expect((await (await getUserShare(url, userId, 'PASSWORD')).json()).cipherText).toBe('node-http');
      const clientId = uniqueId('client');
      expect(
        (await postWebhook(url, '/webhook/backup', { clientId, backupMethod: 'PASSWORD', share: 's' })).status,
      ).toBe(204);
    } finally {
      await close(server);
    }
  });

  it('serves under a prefix in Express, next to the app’s own routes', async () => {
    const app = express();
    app.get('/health', (_req, res) => void res.json({ ok: true }));
    app.use('/backup', router.requestListener); // before any body parser: the router reads the body itself
    const server = createServer(app);
    const url = await listen(server);
    try {
      const userId = uniqueId('user');
      expect(
        (await putUserShare(`${url}/backup`, userId, { backupMethod: 'GDRIVE', cipherText: 'express' })).status,
      ).toBe(200);
      expect((await (await getUserShare(`${url}/backup`, userId, 'GDRIVE')).json()).cipherText).toBe('express');
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
      expect(
        (await postWebhook(`${url}/backup`, '/webhook/backup/fetch', { clientId: 'none', backupMethod: 'PASSWORD' }))
          .status,
      ).toBe(404);
    } finally {
      await close(server);
    }
  });

  it('mounts as a sub-app of another Hono app', async () => {
    const parent = new Hono();
    parent.route('/api/backup', router.app);
    const userId = uniqueId('user');
    const response = await parent.request(`/api/backup/users/${userId}/user-backup-share`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Backup-Kit-User': userId },
      body: JSON.stringify({ backupMethod: 'PASSKEY', cipherText: 'hono' }),
    });
    expect(response.status).toBe(200);
    const read = await router.fetch(
      new Request(`http://localhost/users/${userId}/user-backup-share?backupMethod=PASSKEY`, {
        headers: { 'X-Backup-Kit-User': userId },
      }),
    );
    expect((await read.json()).cipherText).toBe('hono');
  });
});
