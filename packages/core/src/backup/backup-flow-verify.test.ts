import { describe, expect, it } from 'vitest';
import { createFakePortal, memoryStorage, type FakePortal } from '../testing/index.js';
import type { BackupStorage, SaveBackupRequest } from '../storage/backup-storage.js';
import { createBackupFlow } from './eager-backup-flow.js';

/** Counts the storageCallback calls of every backup the fake makes; the first `failures` reject. */
function countStorageCallbacks(portal: FakePortal, failures = 0) {
  const seen = { calls: 0 };
  const backupWallet = portal.backupWallet.bind(portal);
  portal.backupWallet = async (...args) => {
    const response = await backupWallet(...args);
    const inner = response.storageCallback;
    return {
      ...response,
      storageCallback: async () => {
        seen.calls += 1;
        if (seen.calls <= failures) throw new Error('setBackupStatus failed');
        await inner?.();
      },
    };
  };
  return seen;
}

/** A storage that keeps what it is given, and answers load with `reads` in turn (then the truth). */
function readBackStorage(reads: Array<'truth' | 'other' | 'missing' | { throw: unknown }>) {
  const inner = memoryStorage();
  const saves: SaveBackupRequest[] = [];
  let loads = 0;
  const storage: BackupStorage = {
    save: (request) => {
      saves.push(request);
      return inner.save(request);
    },
    load: async (request) => {
      loads += 1;
      const read = reads.shift() ?? 'truth';
      if (typeof read === 'object') throw read.throw;
      if (read === 'missing') return null;
      if (read === 'other') return 'someone-elses-cipher';
      return inner.load!(request);
    },
  };
  return { storage, saves, inner, loads: () => loads };
}

describe('backup flow, self-managed: verified storage and pair ids', () => {
  it('reads the share back before telling Portal true', async () => {
    const portal = createFakePortal();
    const { storage, loads } = readBackStorage([]);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    expect((await flow.start({ password: 'correct horse' })).state).toBe('success');

    expect(loads()).toBe(1);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('treats a read-back mismatch as a storage failure: false once, then a retry stores again and verifies', async () => {
    const portal = createFakePortal();
    const { storage, saves, loads } = readBackStorage(['other']);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const failed = await flow.start({ password: 'correct horse' });
    expect(failed.state === 'error' && failed.error).toMatchObject({ code: 'STORAGE_FAILED', stage: 'storing' });
    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'PASSWORD' }]);

    const final = await flow.retry();

    expect(final.state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
    expect(saves.map((s) => s.cipherText)).toEqual([portal.cipherTexts[0], portal.cipherTexts[0]]);
    expect(loads()).toBe(2);
    expect(portal.notifications).toEqual([
      { success: false, backupMethod: 'PASSWORD' },
      { success: true, backupMethod: 'PASSWORD' },
    ]);
  });

  it('treats a share missing on read-back as a storage failure', async () => {
    const portal = createFakePortal();
    const { storage } = readBackStorage(['missing']);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const failed = await flow.start({ password: 'correct horse' });

    expect(failed.state === 'error' && failed.error.code).toBe('STORAGE_FAILED');
    expect(portal.count('storedClientBackupShare', { success: false })).toBe(1);
    expect(portal.count('storedClientBackupShare', { success: true })).toBe(0);
  });

  it('treats a failed read-back as a storage failure: false once, and the retry needs no new MPC backup', async () => {
    const portal = createFakePortal();
    const { storage } = readBackStorage([{ throw: new Error('HTTP 503') }]);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const failed = await flow.start({ password: 'correct horse' });
    expect(failed.state === 'error' && failed.error.code).toBe('STORAGE_FAILED');
    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'PASSWORD' }]);

    expect((await flow.retry()).state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.count('storedClientBackupShare', { success: true })).toBe(1);
  });

  it('skips verification for a storage without load', async () => {
    const portal = createFakePortal();
    const inner = memoryStorage();
    const storage: BackupStorage = { save: (request) => inner.save(request) };
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    expect((await flow.start({ password: 'correct horse' })).state).toBe('success');
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it("sends the new backup's pair ids to storage beside the cipherText", async () => {
    const portal = createFakePortal();
    const { storage, saves } = readBackStorage([]);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    await flow.start({ password: 'correct horse' });

    expect(saves).toHaveLength(1);
    expect(saves[0]!.backupSharePairIds).toEqual(['pair-0']);
  });

  it('calls storageCallback once, only after the share was stored and verified', async () => {
    const portal = createFakePortal();
    const seen = countStorageCallbacks(portal);
    const { storage } = readBackStorage(['other']);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    await flow.start({ password: 'correct horse' });
    expect(seen.calls).toBe(0);

    expect((await flow.retry()).state).toBe('success');
    expect(seen.calls).toBe(1);
  });

  it('retries a failed storageCallback without a new MPC backup, a new save, or a second true', async () => {
    const portal = createFakePortal();
    const seen = countStorageCallbacks(portal, 1);
    const storage = memoryStorage();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const failed = await flow.start({ password: 'correct horse' });
    expect(failed.state === 'error' && failed.error).toMatchObject({ code: 'NOTIFY_FAILED', stage: 'notifying' });
    expect(portal.count('storedClientBackupShare')).toBe(0);

    expect((await flow.retry()).state).toBe('success');
    expect(seen.calls).toBe(2);
    expect(storage.saveCount).toBe(1);
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('does not call storageCallback again when only storedClientBackupShare failed', async () => {
    const portal = createFakePortal({
      failures: { storedClientBackupShare: [{ error: { code: 200, message: 'net' } }] },
    });
    const seen = countStorageCallbacks(portal);
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage: memoryStorage() });

    await flow.start({ password: 'correct horse' });
    expect((await flow.retry()).state).toBe('success');

    expect(seen.calls).toBe(1);
    expect(portal.count('storedClientBackupShare', { success: true })).toBe(2);
  });
});
