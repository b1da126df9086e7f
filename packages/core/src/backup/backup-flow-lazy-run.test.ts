import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal, memoryStorage } from '../testing/index.js';

/**
 * What a started backup runs (backup-run.ts) loads with import(), and every flow starts that load
 * when it is made, so a click waits for no download. A load that fails is a failed backup before
 * anything was made: typed, retryable, Portal hears nothing, and the retry runs the backup once.
 */

let loads = 0;

/** Every import() of the run fails, as a lost network would make it fail, until `restore`. */
function breakTheRunChunk() {
  vi.doMock('./backup-run.js', () => {
    loads += 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  });
  return () => vi.doUnmock('./backup-run.js');
}

/** Counts the loads of the real run. */
function countTheRunChunk() {
  vi.doMock('./backup-run.js', async (importOriginal) => {
    loads += 1;
    return importOriginal();
  });
}

afterEach(() => {
  vi.doUnmock('./backup-run.js');
  vi.resetModules();
  loads = 0;
});

/** A fresh backup-flow module, so a loaded (or failed) chunk is not shared with another test. */
const freshFlow = async () => (await import('./backup-flow.js')).createBackupFlow;

describe('backup flow, the lazily loaded run', () => {
  it('starts loading when the flow is made, before any start, and loads once', async () => {
    countTheRunChunk();
    const createBackupFlow = await freshFlow();
    const flow = createBackupFlow(createFakePortal(), { method: 'GDRIVE', storage: memoryStorage() });

    await vi.waitFor(() => expect(loads).toBe(1));
    expect(flow.getSnapshot().state).toBe('idle');
    expect((await flow.start()).state).toBe('success');
    expect(loads).toBe(1);
  });

  it('a failed load is a retryable BACKUP_FAILED with nothing made and nothing told; the retry backs up once', async () => {
    const restore = breakTheRunChunk();
    const createBackupFlow = await freshFlow();
    const portal = createFakePortal();
    const storage = memoryStorage();
    const onError = vi.fn();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage, onError });

    const failed = await flow.start({ password: 'correct horse' });

    expect(loads).toBeGreaterThan(0);
    expect(failed.state === 'error' && failed.error).toMatchObject({
      code: 'BACKUP_FAILED',
      stage: 'backing-up',
      retryable: true,
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(portal.count('backupWallet')).toBe(0);
    expect(storage.saveCount).toBe(0);
    expect(portal.notifications).toEqual([]);

    restore();
    const final = await flow.retry({ password: 'correct horse' });

    expect(final.state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
    expect(storage.stored.get('PASSWORD')).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('a failed load frees the backup lock, so another flow on the same Portal may run', async () => {
    const restore = breakTheRunChunk();
    const createBackupFlow = await freshFlow();
    const portal = createFakePortal();
    const first = createBackupFlow(portal, { method: 'GDRIVE' });
    expect((await first.start()).state).toBe('error');

    restore();
    const second = createBackupFlow(portal, { method: 'GDRIVE' });

    expect((await second.start()).state).toBe('success');
  });
});
