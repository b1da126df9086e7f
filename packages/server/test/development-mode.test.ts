import { describe, expect, it } from 'vitest';
import { createBackupRouter } from '../src/create-backup-router.js';
import { silentLogger } from '../src/log/logger.js';
import { describeOnEachBackend } from './support/backends.js';
import { firstResponse, openSocket } from './support/raw-http.js';
import { WEBHOOK_SECRET, putUserShare, serveDuringSuite, uniqueId } from './support/test-server.js';

/** A raw request with the Host header an attacker's page would send after DNS rebinding. */
async function requestWithHost(url: string, host: string, userId: string): Promise<string> {
  const socket = await openSocket(url);
  try {
    const answer = firstResponse(socket);
    socket.write(
      `GET /users/${userId}/user-backup-share?backupMethod=PASSWORD HTTP/1.1\r\nHost: ${host}\r\n` +
        `X-Backup-Kit-User: ${userId}\r\nConnection: close\r\n\r\n`,
    );
    return await answer;
  } finally {
    socket.destroy();
  }
}

describeOnEachBackend('development mode', (backend) => {
  const suite = serveDuringSuite(backend);

  it.each([
    'evil.example',
    'evil.example:8787',
    'localhost.evil.example',
    '192.168.1.20:8787',
    '[::2]:8787',
    '',
    'a b',
  ])('refuses a request whose Host is %j with 403 (DNS rebinding)', async (host) => {
    const userId = uniqueId('user');
    expect(
      (await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText: 'mine' })).status,
    ).toBe(200);
    const answer = await requestWithHost(suite.server.url, host, userId);
    expect(answer).toMatch(/^HTTP\/1\.1 (403|400) /);
    expect(answer).not.toContain('mine');
  });

  it.each(['localhost', 'localhost:8787', 'app.localhost:5173', '127.0.0.1:8787', '127.1.2.3', '[::1]:8787'])(
    'answers a request whose Host is %j',
    async (host) => {
      const userId = uniqueId('user');
      await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText: 'mine' });
      const answer = await requestWithHost(suite.server.url, host, userId);
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    },
  );

  it('applies the Host check in createBackupRouter too (fetch handler)', async () => {
    const router = createBackupRouter({
      db: suite.database,
      webhookSecret: WEBHOOK_SECRET,
      mode: 'development',
      logger: silentLogger,
    });
    const refused = await router.fetch(
      new Request('http://evil.example/users/u/user-backup-share?backupMethod=PASSWORD', {
        headers: { 'X-Backup-Kit-User': 'u' },
      }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'host_not_allowed' });
    const answered = await router.fetch(
      new Request('http://localhost/users/u/user-backup-share?backupMethod=PASSWORD', {
        headers: { 'X-Backup-Kit-User': 'u' },
      }),
    );
    expect(answered.status).toBe(404);
  });
});

describe('production mode', () => {
  it('answers any Host: the authorize hook decides who calls', async () => {
    const { pgliteBackend } = await import('./support/backends.js');
    const database = await pgliteBackend().open();
    try {
      const router = createBackupRouter({
        db: database,
        webhookSecret: WEBHOOK_SECRET,
        authorize: () => ({ userId: 'u' }),
        logger: silentLogger,
      });
      const response = await router.fetch(
        new Request('http://wallet.example/users/u/user-backup-share?backupMethod=PASSWORD'),
      );
      expect(response.status).toBe(404);
      expect(router.mode).toBe('production');
    } finally {
      await database.close();
    }
  });
});
