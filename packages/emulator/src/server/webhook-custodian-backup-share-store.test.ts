import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeCustodianWebhook, type FakeCustodianWebhook } from '../../test/support/fake-custodian-webhook.js';
import { silentLogger } from '../../test/support/emulator-state.js';
import type { CustodianBackupShareStore } from './custodian-backup-share-store.js';
import { createWebhookCustodianBackupShareStore } from './webhook-custodian-backup-share-store.js';

describe('self-managed custodian backup shares over the webhook', () => {
  let webhook: FakeCustodianWebhook;
  let store: CustodianBackupShareStore;

  beforeEach(async () => {
    webhook = await startFakeCustodianWebhook('s3cret');
    store = createWebhookCustodianBackupShareStore({ url: `${webhook.url}/`, secret: 's3cret' }, silentLogger);
  });
  afterEach(() => webhook.close());

  it('POSTs { backupMethod, clientId, share } with X-Webhook-Secret, then reads it back from /backup/fetch', async () => {
    await store.save('client_1', 'PASSWORD', '{"share":1}');
    expect(webhook.calls).toEqual([
      {
        path: '/webhook/backup',
        secretMatched: true,
        body: { backupMethod: 'PASSWORD', clientId: 'client_1', share: '{"share":1}' },
      },
      { path: '/webhook/backup/fetch', secretMatched: true, body: { clientId: 'client_1', backupMethod: 'PASSWORD' } },
    ]);
    expect(await store.load('client_1', 'PASSWORD')).toBe('{"share":1}');
  });

  it('fails the backup when /webhook/backup does not answer 204', async () => {
    webhook.failNext('/webhook/backup', 500);
    await expect(store.save('client_1', 'PASSWORD', 'x')).rejects.toMatchObject({
      code: 502,
      message: `The custodian webhook failed: POST ${webhook.url}/webhook/backup answered HTTP 500 (expected 204)`,
    });
  });

  it('fails the backup when /webhook/backup/fetch does not return what was just stored', async () => {
    webhook.corruptFetches = true;
    await expect(store.save('client_1', 'PASSWORD', 'x')).rejects.toMatchObject({
      code: 502,
      message: expect.stringContaining('different share'),
    });
    webhook.corruptFetches = false;
    webhook.failNext('/webhook/backup/fetch', 503);
    await expect(store.save('client_1', 'PASSWORD', 'x')).rejects.toMatchObject({
      code: 502,
      message: expect.stringContaining('HTTP 503'),
    });
  });

  it('fails with a wrong secret, and never puts the secret or the share in the error', async () => {
    const wrongSecret = createWebhookCustodianBackupShareStore(
      { url: webhook.url, secret: 'wrong-secret' },
      silentLogger,
    );
    const error: unknown = await wrongSecret
      .save('client_1', 'PASSWORD', 'the-share')
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 502, message: expect.stringContaining('HTTP 401') });
    expect(String((error as Error).message)).not.toMatch(/wrong-secret|the-share/);
  });

  it('answers 203 for a recovery the custodian has no share for, and 502 when it cannot be reached', async () => {
    await expect(store.load('client_2', 'GDRIVE')).rejects.toMatchObject({ code: 203 });
    await webhook.close();
    await expect(store.load('client_2', 'GDRIVE')).rejects.toMatchObject({
      code: 502,
      message: expect.stringContaining('could not connect'),
    });
  });
});
