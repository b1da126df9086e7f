import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/index.js';

/**
 * The status's code (backup-status-store.ts) is a chunk loaded with import() when the store is
 * made. It shows `loading` until then; a chunk that fails to load is a typed, retryable error, and
 * the next refresh loads it again and reads the status.
 */

let loads = 0;
let failing = false;

afterEach(() => {
  vi.doUnmock('./backup-status-store.js');
  vi.resetModules();
  loads = 0;
  failing = false;
});

async function freshModules() {
  vi.doMock('./backup-status-store.js', async (importOriginal) => {
    loads += 1;
    if (failing) throw new TypeError('Failed to fetch dynamically imported module');
    return importOriginal();
  });
  return import('./lazy-backup-status-store.js');
}

describe('createBackupStatusStore (lazy)', () => {
  it('starts loading its code when made, and reads the status on refresh', async () => {
    const { createBackupStatusStore } = await freshModules();
    const store = createBackupStatusStore(createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } }));
    expect(store.getSnapshot()).toEqual({ state: 'loading' });
    await vi.waitFor(() => expect(loads).toBe(1));

    expect(await store.refresh()).toEqual({ state: 'ready', methods: ['GDRIVE'], hasWallet: true });
  });

  it('a chunk that fails to load is a retryable typed error; a refresh loads it again', async () => {
    failing = true;
    const { createBackupStatusStore } = await freshModules();
    const store = createBackupStatusStore(createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } }));
    await vi.waitFor(() => expect(store.getSnapshot().state).toBe('error'));
    // (A fresh module graph per test: the error's class is that graph's, so it is matched by name.)
    expect(store.getSnapshot()).toMatchObject({ error: { name: 'BackupKitError', stage: 'status', retryable: true } });

    failing = false;
    expect(await store.refresh()).toMatchObject({ state: 'ready', methods: ['GDRIVE'] });
    expect(loads).toBe(2);
  });
});
