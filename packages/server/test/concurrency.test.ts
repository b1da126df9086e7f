import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares, userBackupShares } from '../src/db/schema.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { getUserShare, postWebhook, putUserShare, startTestServer, uniqueId } from './support/test-server.js';

const WRITERS = 50;

describeOnEachBackend('concurrent writes', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await backend.open();
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it(`${WRITERS} parallel POSTs for one (user, method) all succeed and leave exactly one row`, async () => {
    const userId = uniqueId('user');
    const sent = Array.from({ length: WRITERS }, (_, i) => `cipher-${i}`);
    const statuses = await Promise.all(
      sent.map(
        async (cipherText) => (await putUserShare(server.url, userId, { backupMethod: 'PASSWORD', cipherText })).status,
      ),
    );
    expect(statuses).toEqual(sent.map(() => 200));

    const rows = await drizzleOf(database)
      .select()
      .from(userBackupShares)
      .where(and(eq(userBackupShares.userId, userId), eq(userBackupShares.backupMethod, 'PASSWORD')));
    expect(rows).toHaveLength(1);
    const read = await (await getUserShare(server.url, userId, 'PASSWORD')).json();
    expect(sent).toContain(read.cipherText);
    expect(read.cipherText).toBe(rows[0]!.cipherText);
  });

  it(`${WRITERS} parallel webhook POSTs for one (client, method) leave exactly one readable row`, async () => {
    const clientId = uniqueId('client');
    const sent = Array.from({ length: WRITERS }, (_, i) => `share-${i}`);
    const statuses = await Promise.all(
      sent.map(
        async (share) =>
          (await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share })).status,
      ),
    );
    expect(statuses).toEqual(sent.map(() => 204));

    const rows = await drizzleOf(database)
      .select()
      .from(custodianBackupShares)
      .where(eq(custodianBackupShares.clientId, clientId));
    expect(rows).toHaveLength(1);
    const { share } = await (
      await postWebhook(server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' })
    ).json();
    expect(sent).toContain(share);
  });
});
