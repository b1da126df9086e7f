import { describe, expect, it, vi } from 'vitest';
import { chunkUnderTest } from '../internal/chunk-under-test.js';
import { createFakePortal } from '../testing/index.js';

/**
 * The status's code (backup-status-store.ts) is a chunk loaded with import() when the store is
 * made. It shows `loading` until then; a chunk that fails to load is a typed, retryable error, and
 * the next refresh loads it again and reads the status.
 */

const chunk = chunkUnderTest({
  mock: (factory) => vi.doMock('./backup-status-store.js', factory),
  unmock: () => vi.doUnmock('./backup-status-store.js'),
  shell: () => import('./lazy-backup-status-store.js'),
});

describe('createBackupStatusStore (lazy)', () => {
  it('starts loading its code when made, and reads the status on refresh', async () => {
    const { createBackupStatusStore } = await chunk.load();
    const store = createBackupStatusStore(createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } }));
    expect(store.getSnapshot()).toEqual({ state: 'loading' });
    await vi.waitFor(() => expect(chunk.loads).toBe(1));

    expect(await store.refresh()).toEqual({ state: 'ready', methods: ['GDRIVE'], hasWallet: true });
  });

  it('a chunk that fails to load is a retryable typed error; a refresh loads it again', async () => {
    chunk.failing = true;
    const { createBackupStatusStore } = await chunk.load();
    const store = createBackupStatusStore(createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } }));
    await vi.waitFor(() => expect(store.getSnapshot().state).toBe('error'));
    // (A fresh module graph per test: the error's class is that graph's, so it is matched by name.)
    expect(store.getSnapshot()).toMatchObject({ error: { name: 'BackupKitError', stage: 'status', retryable: true } });

    chunk.failing = false;
    expect(await store.refresh()).toMatchObject({ state: 'ready', methods: ['GDRIVE'] });
    expect(chunk.loads).toBe(2);
  });
});
