import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal, memoryStorage } from '../testing/index.js';

/**
 * The storage steps (store, read back, notify) load with import() once a flow has a storage. A
 * load that fails is a storage failure like a rejected save: typed and retryable, Portal hears
 * false once, and the retry stores the same cipherText without a new MPC backup.
 */

let loads = 0;

/** The next import() of the steps fails as a lost network would make it fail, until `restore`. */
function breakTheStepsChunk() {
  vi.doMock('./share-steps.js', () => {
    loads += 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  });
  return () => vi.doUnmock('./share-steps.js');
}

/** Counts the loads of the real steps. */
function countTheStepsChunk() {
  vi.doMock('./share-steps.js', async (importOriginal) => {
    loads += 1;
    return importOriginal();
  });
}

afterEach(() => {
  vi.doUnmock('./share-steps.js');
  vi.resetModules();
  loads = 0;
});

/** A fresh backup-flow module, so a loaded (or failed) chunk is not shared with another test. */
const freshFlow = async () => (await import('./backup-flow.js')).createBackupFlow;

describe('backup flow, the lazily loaded storage steps', () => {
  it('are not loaded by a flow without storage', async () => {
    countTheStepsChunk();
    const createBackupFlow = await freshFlow();
    const flow = createBackupFlow(createFakePortal(), { method: 'GDRIVE' });

    expect((await flow.start()).state).toBe('success');
    expect(loads).toBe(0);
  });

  it('are loaded when the flow is given a storage, before any start', async () => {
    countTheStepsChunk();
    const createBackupFlow = await freshFlow();
    createBackupFlow(createFakePortal(), { method: 'GDRIVE', storage: memoryStorage() });

    await vi.waitFor(() => expect(loads).toBe(1));
  });

  it('a failed load is a retryable STORAGE_FAILED: false once, nothing saved, and the retry stores the same share', async () => {
    const restore = breakTheStepsChunk();
    const createBackupFlow = await freshFlow();
    const portal = createFakePortal();
    const storage = memoryStorage();
    const onStoreFailed = vi.fn();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage, onStoreFailed });

    const failed = await flow.start({ password: 'correct horse' });

    expect(loads).toBeGreaterThan(0);
    expect(failed.state === 'error' && failed.error).toMatchObject({
      code: 'STORAGE_FAILED',
      stage: 'storing',
      retryable: true,
    });
    expect(storage.saveCount).toBe(0);
    expect(onStoreFailed).toHaveBeenCalledTimes(1);
    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'PASSWORD' }]);

    restore();
    const final = await flow.retry();

    expect(final.state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
    expect(storage.stored.get('PASSWORD')).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([
      { success: false, backupMethod: 'PASSWORD' },
      { success: true, backupMethod: 'PASSWORD' },
    ]);
  });
});
