import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares, userBackupShares } from '../src/db/schema.js';
import { describeOnEachBackend } from './support/backends.js';
import { firstResponse, openSocket } from './support/raw-http.js';
import {
  getUserShare,
  postWebhook,
  putUserShare,
  serveDuringSuite,
  startTestServer,
  uniqueId,
} from './support/test-server.js';
import { vaultPost } from './support/vault.js';

const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

/** JSON with a lone surrogate escaped, exactly as JSON.stringify writes it (\\ud800). */
const json = (value: unknown) => JSON.stringify(value);

describeOnEachBackend('only well-formed strings are accepted', (backend) => {
  const suite = serveDuringSuite(backend);

  it.each([
    ['a lone high surrogate', `backup${LONE_HIGH}`],
    ['a lone low surrogate', `${LONE_LOW}backup`],
    ['a reversed pair', `${LONE_LOW}${LONE_HIGH}`],
  ])('refuses a cipherText with %s (400 naming cipherText) and stores nothing', async (_case, cipherText) => {
    const userId = uniqueId('user');
    const response = await putUserShare(suite.server.url, userId, json({ backupMethod: 'PASSWORD', cipherText }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', field: 'cipherText' });
    const rows = await drizzleOf(suite.database)
      .select()
      .from(userBackupShares)
      .where(eq(userBackupShares.userId, userId));
    expect(rows).toEqual([]);
  });

  it('stores a cipherText with real surrogate pairs exactly as sent', async () => {
    const userId = uniqueId('user');
    const cipherText = 'wallet 🔐 backup 𝄞';
    expect((await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText })).status).toBe(200);
    expect((await (await getUserShare(suite.server.url, userId, 'PASSWORD')).json()).cipherText).toBe(cipherText);
  });

  it('refuses a body whose bytes are not UTF-8 rather than storing U+FFFD', async () => {
    const userId = uniqueId('user');
    const bytes = Buffer.concat([
      Buffer.from('{"backupMethod":"PASSWORD","cipherText":"a'),
      Buffer.from([0xed, 0xa0, 0x80, 0xff]),
      Buffer.from('"}'),
    ]);
    const response = await fetch(`${suite.server.url}/users/${userId}/user-backup-share`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Backup-Kit-User': userId },
      body: bytes,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_encoding' });
  });

  it.each([
    ['clientId', { backupMethod: 'PASSWORD', clientId: `client${LONE_HIGH}`, share: 's' }],
    ['share', { backupMethod: 'PASSWORD', clientId: 'client', share: `share${LONE_LOW}` }],
  ])('refuses a webhook with a lone surrogate in %s (400 naming it) and stores nothing', async (field, body) => {
    const response = await postWebhook(suite.server.url, '/webhook/backup', json(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', field });
    const rows = await drizzleOf(suite.database)
      .select()
      .from(custodianBackupShares)
      .where(eq(custodianBackupShares.clientId, body.clientId));
    expect(rows).toEqual([]);
  });

  // Once, a clientId with a lone surrogate was stored as U+FFFD, and the near variant answered 500.
  it.each([
    `near${LONE_HIGH}`,
    'near\uFFFD',
    `near${LONE_LOW}`,
    'near\u0000',
    'n'.repeat(257),
    '',
    'near\uFEFF',
    'near\u202E',
  ])('never answers 500 to a webhook fetch with clientId %j', async (clientId) => {
    const stored = await postWebhook(suite.server.url, '/webhook/backup', {
      backupMethod: 'PASSWORD',
      clientId: 'near\uFFFD',
      share: 'the real share',
    });
    expect(stored.status).toBe(204);
    const response = await postWebhook(
      suite.server.url,
      '/webhook/backup/fetch',
      json({ clientId, backupMethod: 'PASSWORD' }),
    );
    expect(response.status).toBeLessThan(500);
    expect([200, 400, 404]).toContain(response.status);
    if (response.status === 200) expect(clientId).toBe('near\uFFFD');
  });

  it.each([
    ['a percent-encoded lone surrogate', '%ED%A0%80'],
    ['an invalid UTF-8 byte', 'user%FF'],
    ['a truncated sequence', 'user%E0%A4'],
    ['a bare percent', 'user%'],
    ['a percent-encoded NUL', 'user%00'],
    ['an over-long id', 'u'.repeat(300)],
    ['a very long id', 'u'.repeat(8_000)],
    ['an encoded slash', 'a%2Fb'],
    ['a dot segment', '..'],
  ])('never answers 500 to a userId in the path with %s', async (_case, rawUserId) => {
    const socket = await openSocket(suite.server.url);
    try {
      const answer = firstResponse(socket);
      socket.write(
        `GET /users/${rawUserId}/user-backup-share?backupMethod=PASSWORD HTTP/1.1\r\nHost: localhost\r\n` +
          `X-Backup-Kit-User: ${rawUserId}\r\nConnection: close\r\n\r\n`,
      );
      const status = Number((await answer).slice(9, 12));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    } finally {
      socket.destroy();
    }
  });

  it('refuses a path whose percent-encoding is not UTF-8 with 400 naming the path', async () => {
    const response = await fetch(`${suite.server.url}/users/%ED%A0%80/user-backup-share?backupMethod=PASSWORD`, {
      headers: { 'X-Backup-Kit-User': '%ED%A0%80' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'path' });
  });

  it.each([
    ['rpId', { rpId: `localhost${LONE_HIGH}`, rpName: 'Test' }],
    ['rpName', { rpId: 'localhost', rpName: `Test${LONE_LOW}` }],
    ['userName', { rpId: 'localhost', rpName: 'Test', userName: `me${LONE_HIGH}` }],
  ])('refuses vault options with a lone surrogate in %s (400 naming it)', async (field, body) => {
    const server = await startTestServer(suite.database, {
      vault: { relyingParties: ['localhost'], allowedOrigins: ['http://localhost:5173'] },
    });
    try {
      const answer = await vaultPost(server.url, 'registration/options', json(body));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ field });
    } finally {
      await server.stop();
    }
  });
});
