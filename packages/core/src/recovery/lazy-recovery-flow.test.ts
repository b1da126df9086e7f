import { describe, expect, it, vi } from 'vitest';
import { chunkUnderTest } from '../internal/chunk-under-test.js';
import { createBackupFlow } from '../backup/eager-backup-flow.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';

/**
 * The recovery's code (recovery-flow.ts) is a chunk loaded with import() when the flow is made.
 * Until it is in, the flow shows `loading`; a chunk that fails to load is a typed, retryable error,
 * and the next refresh loads it again and lists the methods.
 */

const chunk = chunkUnderTest({
  mock: (factory) => vi.doMock('./recovery-flow.js', factory),
  unmock: () => vi.doUnmock('./recovery-flow.js'),
  shell: () => import('./lazy-recovery-flow.js'),
});

/** A wallet backed up with PASSWORD, Portal keeping the share. */
const portalWithPasswordBackup = () => createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } });

describe('createRecoveryFlow (lazy)', () => {
  it('starts loading its code when made and lists the methods once a refresh runs', async () => {
    const { createRecoveryFlow } = await chunk.load();
    const flow = createRecoveryFlow(portalWithPasswordBackup());
    expect(flow.getSnapshot()).toEqual({ state: 'loading' });
    await vi.waitFor(() => expect(chunk.loads).toBe(1));

    expect(await flow.refresh()).toEqual({ state: 'idle', methods: ['PASSWORD'] });
    expect(chunk.loads).toBe(1);
  });

  it('a chunk that fails to load is a retryable typed error, told once; a refresh loads it again', async () => {
    chunk.failing = true;
    const { createRecoveryFlow } = await chunk.load();
    const onError = vi.fn();
    const flow = createRecoveryFlow(portalWithPasswordBackup(), { onError });
    await vi.waitFor(() => expect(flow.getSnapshot().state).toBe('error'));
    // (A fresh module graph per test: the error's class is that graph's, so it is matched by name.)
    expect(flow.getSnapshot()).toMatchObject({
      methods: [],
      error: { name: 'BackupKitError', stage: 'status', retryable: true },
    });
    expect(onError).toHaveBeenCalledTimes(1);

    chunk.failing = false;
    expect(await flow.refresh()).toEqual({ state: 'idle', methods: ['PASSWORD'] });
    expect(chunk.loads).toBe(2);
  });

  it('a recovery asked for before the code is in waits for it and runs', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password: 'right password' });
    const { createRecoveryFlow } = await chunk.load();
    const flow = createRecoveryFlow(portal, { storage });
    const done = await flow.recover({ method: 'PASSWORD', password: 'right password' });
    expect(done).toMatchObject({ state: 'success', method: 'PASSWORD' });
  });
});
