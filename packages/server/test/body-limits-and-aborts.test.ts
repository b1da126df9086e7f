import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares, userBackupShares } from '../src/db/schema.js';
import { describeOnEachBackend } from './support/backends.js';
import { firstResponse, openSocket } from './support/raw-http.js';
import {
  WEBHOOK_SECRET,
  getUserShare,
  postWebhook,
  putUserShare,
  serveDuringSuite,
  uniqueId,
} from './support/test-server.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describeOnEachBackend('request bodies cut off or too large', (backend) => {
  const suite = serveDuringSuite(backend);

  it('answers 413 to a chunked body as soon as it passes 64 kB, before the client finishes sending', async () => {
    const userId = uniqueId('user');
    const socket = await openSocket(suite.server.url);
    const response = firstResponse(socket);
    socket.write(
      `POST /users/${userId}/user-backup-share HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `X-Backup-Kit-User: ${userId}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = 'x'.repeat(8 * 1024);
    const opening = `{"backupMethod":"PASSWORD","cipherText":"${chunk}`;
    socket.write(`${opening.length.toString(16)}\r\n${opening}\r\n`);
    for (let i = 0; i < 9; i += 1) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    // The terminating 0-chunk is never sent: the answer has to come from the limit alone.
    expect(await response).toMatch(/^HTTP\/1\.1 413 /);
    socket.destroy();
    expect((await getUserShare(suite.server.url, userId, 'PASSWORD')).status).toBe(404);
  });

  it('answers 413 from Content-Length alone, without waiting for the body', async () => {
    const socket = await openSocket(suite.server.url);
    const response = firstResponse(socket);
    socket.write(
      `POST /webhook/backup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `X-Webhook-Secret: ${WEBHOOK_SECRET}\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n{"clientId":`,
    );
    expect(await response).toMatch(/^HTTP\/1\.1 413 /);
    socket.destroy();
  });

  it('stores nothing when a user-share request is cut off mid-body, and keeps serving', async () => {
    const userId = uniqueId('user');
    const body = JSON.stringify({ backupMethod: 'PASSWORD', cipherText: 'c'.repeat(4000) });
    const socket = await openSocket(suite.server.url);
    socket.write(
      `POST /users/${userId}/user-backup-share HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `X-Backup-Kit-User: ${userId}\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, body.length / 2)}`,
    );
    await settle();
    socket.destroy();
    await settle();

    const rows = await drizzleOf(suite.database)
      .select()
      .from(userBackupShares)
      .where(eq(userBackupShares.userId, userId));
    expect(rows).toEqual([]);
    expect(
      (await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText: 'after' })).status,
    ).toBe(200);
  });

  it('stores nothing when a webhook request is cut off mid-body (chunked), and keeps serving', async () => {
    const clientId = uniqueId('client');
    const socket = await openSocket(suite.server.url);
    socket.write(
      `POST /webhook/backup HTTP/1.1\r\nHost: localhost\r\nX-Webhook-Secret: ${WEBHOOK_SECRET}\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n`,
    );
    const part = `{"backupMethod":"PASSWORD","clientId":"${clientId}","share":"${'s'.repeat(1000)}`;
    socket.write(`${part.length.toString(16)}\r\n${part}\r\n`);
    await settle();
    socket.destroy();
    await settle();

    const rows = await drizzleOf(suite.database)
      .select()
      .from(custodianBackupShares)
      .where(eq(custodianBackupShares.clientId, clientId));
    expect(rows).toEqual([]);
    expect(
      (await postWebhook(suite.server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' })).status,
    ).toBe(404);
  });
});
