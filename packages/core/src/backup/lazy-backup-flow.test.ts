import { describe, expect, it, vi } from 'vitest';
import { chunkUnderTest } from '../internal/chunk-under-test.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';

/**
 * The backup's code (backup-flow.ts with backup-run.ts) loads with import(), started when the flow
 * is made, so a click waits for no download. A load that fails is a failed backup before anything
 * was made: typed, retryable, told once, Portal hears nothing; the retry loads the code again and
 * the next start backs up once.
 */

const chunk = chunkUnderTest({
  mock: (factory) => vi.doMock('./backup-flow.js', factory),
  unmock: () => vi.doUnmock('./backup-flow.js'),
  shell: () => import('./lazy-backup-flow.js'),
});

describe('createBackupFlow (lazy)', () => {
  it('starts loading when the flow is made, before any start, and loads once', async () => {
    const { createBackupFlow } = await chunk.load();
    const flow = createBackupFlow(createFakePortal(), { method: 'GDRIVE', storage: memoryStorage() });

    expect(flow.getSnapshot()).toEqual({ state: 'idle', method: 'GDRIVE' });
    await vi.waitFor(() => expect(chunk.loads).toBe(1));
    expect((await flow.start()).state).toBe('success');
    expect(chunk.loads).toBe(1);
  });

  it('two starts before the code is in wait for it and run one backup', async () => {
    const { createBackupFlow } = await chunk.load();
    const portal = createFakePortal();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage: memoryStorage() });

    const [first, second] = await Promise.all([
      flow.start({ password: 'correct horse' }),
      flow.start({ password: 'correct horse' }),
    ]);

    expect(first.state).toBe('success');
    expect(second.state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
  });

  it('a failed load is a retryable BACKUP_FAILED with nothing made and nothing told; after the retry a start backs up once', async () => {
    chunk.failing = true;
    const { createBackupFlow } = await chunk.load();
    const portal = createFakePortal();
    const storage = memoryStorage();
    const onError = vi.fn();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage, onError });

    await vi.waitFor(() => expect(flow.getSnapshot().state).toBe('error'));
    // (A fresh module graph per test: the error's class is that graph's, so it is matched by name.)
    expect(flow.getSnapshot()).toMatchObject({
      method: 'PASSWORD',
      error: { name: 'BackupKitError', code: 'BACKUP_FAILED', stage: 'backing-up', retryable: true },
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(portal.count('backupWallet')).toBe(0);
    expect(storage.saveCount).toBe(0);
    expect(portal.notifications).toEqual([]);

    chunk.failing = false;
    // The retry loads the code again and runs nothing: a click's activation would not outlive a download.
    expect((await flow.retry({ password: 'correct horse' })).state).toBe('idle');
    expect(portal.count('backupWallet')).toBe(0);

    const final = await flow.start({ password: 'correct horse' });
    expect(final.state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
    expect(storage.stored.get('PASSWORD')).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('a failed load takes no backup lock, so another flow on the same Portal may run', async () => {
    chunk.failing = true;
    const { createBackupFlow } = await chunk.load();
    const portal = createFakePortal();
    const first = createBackupFlow(portal, { method: 'GDRIVE' });
    await vi.waitFor(() => expect(first.getSnapshot().state).toBe('error'));

    chunk.failing = false;
    const second = createBackupFlow(portal, { method: 'GDRIVE' });

    expect((await second.start()).state).toBe('success');
  });
});
