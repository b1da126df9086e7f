import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal, memoryStorage } from '../testing/index.js';

/**
 * The storage cross-check (missing-shares.ts) loads with import(), only for a status given a
 * storage. A load that fails flags nothing, as a failed read does, and the next refresh loads again.
 */

let loads = 0;
let failing = false;

afterEach(() => {
  vi.doUnmock('./missing-shares.js');
  vi.resetModules();
  loads = 0;
  failing = false;
});

async function freshStore() {
  vi.doMock('./missing-shares.js', async (importOriginal) => {
    loads += 1;
    if (failing) throw new TypeError('Failed to fetch dynamically imported module');
    return importOriginal();
  });
  return (await import('./lazy-backup-status-store.js')).createBackupStatusStore;
}

describe('backup status, the lazily loaded storage cross-check', () => {
  it('is not loaded without a storage', async () => {
    const createBackupStatusStore = await freshStore();
    const status = createBackupStatusStore(createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } }));

    expect(await status.refresh()).toEqual({ state: 'ready', methods: ['PASSWORD'], hasWallet: true });
    expect(loads).toBe(0);
  });

  it('is loaded as soon as a storage is given, before any read', async () => {
    const createBackupStatusStore = await freshStore();
    const status = createBackupStatusStore(createFakePortal());
    status.setStorage(memoryStorage());

    await vi.waitFor(() => expect(loads).toBe(1));
  });

  it('a load that fails flags nothing; the next refresh loads it and flags the missing share', async () => {
    failing = true;
    const createBackupStatusStore = await freshStore();
    const status = createBackupStatusStore(createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } }), {
      storage: memoryStorage(),
    });

    expect(await status.refresh()).toMatchObject({ state: 'ready', methods: ['PASSWORD'], missing: [] });

    failing = false;
    vi.doUnmock('./missing-shares.js');

    expect(await status.refresh()).toMatchObject({ state: 'ready', methods: ['PASSWORD'], missing: ['PASSWORD'] });
  });
});
