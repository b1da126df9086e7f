import { describe, expect, it, vi } from 'vitest';
import { chunkUnderTest } from '../internal/chunk-under-test.js';
import { createFakePortal } from '../testing/index.js';

/**
 * The gate's code (wallet-gate-store.ts, with the facade and Portal's calls) is a chunk loaded
 * with import() when the store is made. It shows `checking` until then; a chunk that fails to load
 * is a retryable error while checking, and retry loads it again and checks.
 */

const chunk = chunkUnderTest({
  mock: (factory) => vi.doMock('./wallet-gate-store.js', factory),
  unmock: () => vi.doUnmock('./wallet-gate-store.js'),
  shell: () => import('./lazy-wallet-gate-store.js'),
});

describe('createWalletGateStore (lazy)', () => {
  it('starts loading its code when made and checks on check()', async () => {
    const { createWalletGateStore } = await chunk.load();
    const gate = createWalletGateStore(createFakePortal({ wallet: { exists: false } }));
    expect(gate.getSnapshot()).toEqual({ state: 'checking' });
    await vi.waitFor(() => expect(chunk.loads).toBe(1));

    expect(await gate.check()).toEqual({ state: 'no-wallet' });
  });

  it('a chunk that fails to load is a retryable error while checking; retry loads it again and checks', async () => {
    chunk.failing = true;
    const { createWalletGateStore } = await chunk.load();
    const gate = createWalletGateStore(createFakePortal());
    await vi.waitFor(() => expect(gate.getSnapshot().state).toBe('error'));
    // (A fresh module graph per test: the error's class is that graph's, so it is matched by name.)
    expect(gate.getSnapshot()).toMatchObject({
      during: 'checking',
      error: { name: 'BackupKitError', stage: 'status', retryable: true },
    });

    chunk.failing = false;
    expect(await gate.retry()).toEqual({ state: 'on-device' });
    expect(chunk.loads).toBe(2);
  });
});
