import { describe, expect, it } from 'vitest';
import { createBackupFlow } from '../backup/eager-backup-flow.js';
import type { BackupMethod } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import { createBackupStatusStore } from './lazy-backup-status-store.js';
import { connectBackupStatus } from './connect-backup-status.js';

/** A memory storage whose shares the test can delete behind the kit's back. */
function deletableStorage() {
  const inner = memoryStorage();
  const shares = inner.stored as Map<string, string>;
  return { storage: inner, remove: (method: BackupMethod) => shares.delete(method) };
}

describe('backup status cross-checked against the app storage', () => {
  it('flags a completed self-managed method whose share the storage no longer holds', async () => {
    const portal = createFakePortal();
    const { storage, remove } = deletableStorage();
    await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password: 'right password' });
    const status = createBackupStatusStore(portal, { storage });
    expect(await status.refresh()).toMatchObject({ state: 'ready', methods: ['PASSWORD'], missing: [] });

    remove('PASSWORD');

    expect(await status.refresh()).toMatchObject({ state: 'ready', methods: ['PASSWORD'], missing: ['PASSWORD'] });
  });

  it('clears the flag once the method is backed up again', async () => {
    const portal = createFakePortal();
    const { storage, remove } = deletableStorage();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });
    await flow.start({ password: 'right password' });
    remove('PASSWORD');
    const status = createBackupStatusStore(portal, { storage });
    expect(await status.refresh()).toMatchObject({ missing: ['PASSWORD'] });

    await flow.start({ password: 'right password' });

    expect(await status.refresh()).toMatchObject({ missing: [] });
  });

  it("never flags a passkey-only user's PASSWORD: the direct path stores its share as CUSTOM", async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } });
    const storage = memoryStorage();
    await storage.save({
      backupMethod: 'CUSTOM',
      cipherText: 'direct-path-share',
      signal: new AbortController().signal,
    });

    expect(await createBackupStatusStore(portal, { storage }).refresh()).toMatchObject({ missing: [] });
  });

  it('flags nothing when a read fails, and checks nothing without a storage that can load', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } });
    const failing: BackupStorage = { save: async () => {}, load: () => Promise.reject(new Error('HTTP 503')) };
    const saveOnly: BackupStorage = { save: async () => {} };

    expect(await createBackupStatusStore(portal, { storage: failing }).refresh()).toMatchObject({ missing: [] });
    expect(await createBackupStatusStore(portal, { storage: saveOnly }).refresh()).toMatchObject({ missing: [] });
    expect(await createBackupStatusStore(portal).refresh()).not.toHaveProperty('missing');
  });

  it('reads the storage given later through setStorage', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });
    const status = createBackupStatusStore(portal);
    expect(await status.refresh()).not.toHaveProperty('missing');

    status.setStorage(memoryStorage());

    expect(await status.refresh()).toMatchObject({ missing: ['GDRIVE'] });
  });

  it('connect marks a missing method, PASSKEY included when its share is the direct path CUSTOM', () => {
    const known = {
      methods: ['PASSWORD', 'CUSTOM'] as BackupMethod[],
      hasWallet: true,
      missing: ['CUSTOM'] as BackupMethod[],
    };
    const view = connectBackupStatus(
      { state: 'ready', ...known },
      { portalStatus: 'ready', methods: ['PASSWORD', 'PASSKEY', 'GDRIVE'], known },
    );

    expect(view.missing).toEqual(['PASSKEY']);
    expect(view.isMissing('PASSWORD')).toBe(false);
    expect(view.isMissing('GDRIVE')).toBe(false);
  });
});
