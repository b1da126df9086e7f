import { describe, expect, it } from 'vitest';
import { createBackupFlow } from '../backup/eager-backup-flow.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import type { BackupStatusSnapshot } from './backup-status-store.js';
import { createBackupStatusStore } from './lazy-backup-status-store.js';

describe('backup status store', () => {
  it('starts loading and reads nothing until refreshed', () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });
    const store = createBackupStatusStore(portal);

    expect(store.getSnapshot()).toEqual({ state: 'loading' });
    expect(portal.count('getClient')).toBe(0);
  });

  it('lists the methods with a completed backup, and says whether there is a wallet', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });
    // A backup whose storage failed leaves an incomplete pair: not a backup to count.
    await createBackupFlow(portal, {
      method: 'PASSWORD',
      storage: memoryStorage({ saves: [{ throw: new Error('HTTP 500') }] }),
    }).start({ password: 'right password' });

    expect(await createBackupStatusStore(portal).refresh()).toEqual({
      state: 'ready',
      methods: ['GDRIVE'],
      hasWallet: true,
    });
  });

  it('sees a backup made after the last read once refreshed', async () => {
    const portal = createFakePortal();
    const store = createBackupStatusStore(portal);
    expect(await store.refresh()).toMatchObject({ state: 'ready', methods: [] });

    await createBackupFlow(portal, { method: 'PASSKEY', storage: memoryStorage() }).start();

    expect(await store.refresh()).toMatchObject({ state: 'ready', methods: ['PASSKEY'] });
  });

  it('reports no wallet at all', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });

    expect(await createBackupStatusStore(portal).refresh()).toEqual({ state: 'ready', methods: [], hasWallet: false });
  });

  it('reports a failed read as an error at the status stage', async () => {
    const portal = createFakePortal({ failures: { getClient: { error: { code: 500, message: 'network' } } } });

    const snapshot = await createBackupStatusStore(portal).refresh();

    expect(snapshot.state === 'error' && snapshot.error).toMatchObject({
      code: 'UNKNOWN',
      stage: 'status',
      retryable: true,
    });
  });

  it('keeps the newest read when reads overlap: an older failure does not replace it', async () => {
    const portal = createFakePortal({
      wallet: { backedUpWith: ['PASSWORD'] },
      failures: { getClient: [{ error: { code: 500, message: 'network' } }] },
    });
    const store = createBackupStatusStore(portal);
    const seen: BackupStatusSnapshot['state'][] = [];
    store.subscribe(() => seen.push(store.getSnapshot().state));

    const [first, second] = await Promise.all([store.refresh(), store.refresh()]);

    expect(portal.count('getClient')).toBe(2);
    expect(second).toEqual({ state: 'ready', methods: ['PASSWORD'], hasWallet: true });
    expect(first).toBe(second);
    expect(seen).not.toContain('error');
  });
});
