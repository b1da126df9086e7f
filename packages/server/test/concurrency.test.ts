import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares, userBackupShares } from '../src/db/schema.js';
import { describeOnEachBackend } from './support/backends.js';
import { getUserShare, postWebhook, putUserShare, serveDuringSuite, uniqueId } from './support/test-server.js';

const WRITERS = 50;

describeOnEachBackend('concurrent writes', (backend) => {
  const suite = serveDuringSuite(backend);

  it(`${WRITERS} parallel POSTs for one (user, method) all succeed and leave exactly one row`, async () => {
    const userId = uniqueId('user');
    const sent = Array.from({ length: WRITERS }, (_, i) => `cipher-${i}`);
    const statuses = await Promise.all(
      sent.map(
        async (cipherText) =>
          (await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText })).status,
      ),
    );
    expect(statuses).toEqual(sent.map(() => 200));

    const rows = await drizzleOf(suite.database)
      .select()
      .from(userBackupShares)
      .where(and(eq(userBackupShares.userId, userId), eq(userBackupShares.backupMethod, 'PASSWORD')));
    expect(rows).toHaveLength(1);
    const read = await (await getUserShare(suite.server.url, userId, 'PASSWORD')).json();
    expect(sent).toContain(read.cipherText);
    expect(read.cipherText).toBe(rows[0]!.cipherText);
  });

  it(`${WRITERS} parallel webhook POSTs for one (client, method) leave exactly one readable row`, async () => {
    const clientId = uniqueId('client');
    const sent = Array.from({ length: WRITERS }, (_, i) => `share-${i}`);
    const statuses = await Promise.all(
      sent.map(
        async (share) =>
          (await postWebhook(suite.server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share }))
            .status,
      ),
    );
    expect(statuses).toEqual(sent.map(() => 204));

    const rows = await drizzleOf(suite.database)
      .select()
      .from(custodianBackupShares)
      .where(eq(custodianBackupShares.clientId, clientId));
    expect(rows).toHaveLength(1);
    const { share } = await (
      await postWebhook(suite.server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' })
    ).json();
    expect(sent).toContain(share);
  });
});
