import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares } from '../src/db/schema.js';
import { describeOnEachBackend } from './support/backends.js';
import { WEBHOOK_SECRET, postWebhook, serveDuringSuite, uniqueId } from './support/test-server.js';

// What Portal sends: a JSON-stringified share.
const shareFor = (clientId: string) =>
  JSON.stringify({ clientId, share: `custodian-share-of-${clientId}`, curve: 'SECP256K1' });

describeOnEachBackend('custodian webhook routes', (backend) => {
  const suite = serveDuringSuite(backend);

  const rowsFor = (clientId: string) =>
    drizzleOf(suite.database).select().from(custodianBackupShares).where(eq(custodianBackupShares.clientId, clientId));

  it('stores a share with 204 and hands the same share back on /backup/fetch (the emulator contract)', async () => {
    const clientId = uniqueId('client');
    const share = shareFor(clientId);
    const stored = await postWebhook(suite.server.url, '/webhook/backup', {
      backupMethod: 'PASSWORD',
      clientId,
      share,
    });
    expect(stored.status).toBe(204);
    expect(await stored.text()).toBe('');

    const fetched = await postWebhook(suite.server.url, '/webhook/backup/fetch', {
      clientId,
      backupMethod: 'PASSWORD',
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('cache-control')).toBe('no-store');
    expect(await fetched.json()).toEqual({ share });
  });

  it('replaces the share per (clientId, method) and keeps methods apart', async () => {
    const clientId = uniqueId('client');
    await postWebhook(suite.server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'first' });
    await postWebhook(suite.server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'second' });
    await postWebhook(suite.server.url, '/webhook/backup', { backupMethod: 'GDRIVE', clientId, share: 'drive' });

    const fetch = (backupMethod: string) =>
      postWebhook(suite.server.url, '/webhook/backup/fetch', { clientId, backupMethod });
    expect(await (await fetch('PASSWORD')).json()).toEqual({ share: 'second' });
    expect(await (await fetch('GDRIVE')).json()).toEqual({ share: 'drive' });
    expect(await rowsFor(clientId)).toHaveLength(2);
  });

  it('answers 404 from /backup/fetch when no share is stored', async () => {
    const response = await postWebhook(suite.server.url, '/webhook/backup/fetch', {
      clientId: uniqueId('client'),
      backupMethod: 'PASSWORD',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('files a share sent without backupMethod under UNKNOWN, as the seed data model does', async () => {
    const clientId = uniqueId('client');
    expect((await postWebhook(suite.server.url, '/webhook/backup', { clientId, share: 'legacy' })).status).toBe(204);
    expect(
      await (
        await postWebhook(suite.server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'UNKNOWN' })
      ).json(),
    ).toEqual({
      share: 'legacy',
    });
  });

  describe('the webhook secret', () => {
    it.each([
      ['missing', null],
      ['wrong, same length', WEBHOOK_SECRET.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))],
      ['wrong, shorter', 'short'],
      ['a prefix of the right one', WEBHOOK_SECRET.slice(0, -1)],
      ['empty', ''],
    ])('answers 401 to /backup when the secret is %s, and stores nothing', async (_case, secret) => {
      const clientId = uniqueId('client');
      const response = await postWebhook(
        suite.server.url,
        '/webhook/backup',
        { backupMethod: 'PASSWORD', clientId, share: 's' },
        secret,
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_webhook_secret' });
      expect(await rowsFor(clientId)).toEqual([]);
    });

    it('answers 401 to /backup/fetch with a wrong secret, even when the share exists', async () => {
      const clientId = uniqueId('client');
      await postWebhook(suite.server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'guarded' });
      const response = await postWebhook(
        suite.server.url,
        '/webhook/backup/fetch',
        { clientId, backupMethod: 'PASSWORD' },
        'guess',
      );
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('guarded');
    });
  });

  describe('bad input', () => {
    it.each([
      ['/webhook/backup', 'a missing clientId', { backupMethod: 'PASSWORD', share: 's' }, 'clientId'],
      ['/webhook/backup', 'a numeric clientId', { backupMethod: 'PASSWORD', clientId: 7, share: 's' }, 'clientId'],
      ['/webhook/backup', 'a missing share', { backupMethod: 'PASSWORD', clientId: 'c' }, 'share'],
      [
        '/webhook/backup',
        'a share that is an object',
        { backupMethod: 'PASSWORD', clientId: 'c', share: { a: 1 } },
        'share',
      ],
      [
        '/webhook/backup',
        'a backupMethod that is no token',
        { backupMethod: 'secp256k1-password', clientId: 'c', share: 's' },
        'backupMethod',
      ],
      ['/webhook/backup/fetch', 'a missing clientId', { backupMethod: 'PASSWORD' }, 'clientId'],
      [
        '/webhook/backup/fetch',
        'a backupMethod longer than 64',
        { backupMethod: 'A'.repeat(65), clientId: 'c' },
        'backupMethod',
      ],
    ] as const)('%s answers 400 naming the field for %s', async (path, _case, body, field) => {
      const response = await postWebhook(suite.server.url, path, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request', field });
    });

    it('answers 400 invalid_json to a body that is not JSON', async () => {
      const response = await postWebhook(suite.server.url, '/webhook/backup', 'clientId=c&share=s');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_json' });
    });

    it('answers 413 to a share over the size limit', async () => {
      const response = await postWebhook(suite.server.url, '/webhook/backup', {
        backupMethod: 'PASSWORD',
        clientId: uniqueId('client'),
        share: 's'.repeat(65 * 1024),
      });
      expect(response.status).toBe(413);
    });
  });

  describe('encryption at rest', () => {
    it('stores the share sealed under the current key id, never as plaintext', async () => {
      const clientId = uniqueId('client');
      const share = shareFor(clientId);
      await postWebhook(suite.server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share });
      const [row] = await rowsFor(clientId);
      expect(row).toBeDefined();
      expect(row!.kekId).toMatch(/^kek-/);
      expect(row!.wrappedDataKey.length).toBe(12 + 32 + 16);
      expect(row!.sealedShare.length).toBe(Buffer.byteLength(share) + 16);
      expect(row!.sealedShare.toString('latin1')).not.toContain('custodian-share-of');
      expect(JSON.stringify(row)).not.toContain('custodian-share-of');
    });

    it('seals the same share under a fresh data key each time', async () => {
      const first = uniqueId('client');
      const second = uniqueId('client');
      await postWebhook(suite.server.url, '/webhook/backup', {
        backupMethod: 'PASSWORD',
        clientId: first,
        share: 'same',
      });
      await postWebhook(suite.server.url, '/webhook/backup', {
        backupMethod: 'PASSWORD',
        clientId: second,
        share: 'same',
      });
      const [a] = await rowsFor(first);
      const [b] = await rowsFor(second);
      expect(a!.wrappedDataKey.equals(b!.wrappedDataKey)).toBe(false);
      expect(a!.sealedShare.equals(b!.sealedShare)).toBe(false);
    });

    it('refuses to open a sealed share copied onto another client (500, nothing leaked)', async () => {
      const owner = uniqueId('client');
      const thief = uniqueId('client');
      await postWebhook(suite.server.url, '/webhook/backup', {
        backupMethod: 'PASSWORD',
        clientId: owner,
        share: 'owners-share',
      });
      await postWebhook(suite.server.url, '/webhook/backup', {
        backupMethod: 'PASSWORD',
        clientId: thief,
        share: 'decoy',
      });
      const [row] = await rowsFor(owner);
      await drizzleOf(suite.database)
        .update(custodianBackupShares)
        .set({ kekId: row!.kekId, wrappedDataKey: row!.wrappedDataKey, iv: row!.iv, sealedShare: row!.sealedShare })
        .where(eq(custodianBackupShares.clientId, thief));

      const response = await postWebhook(suite.server.url, '/webhook/backup/fetch', {
        clientId: thief,
        backupMethod: 'PASSWORD',
      });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain('owners-share');
    });
  });
});
