import { describe, expect, it, vi } from 'vitest';
import { chunkUnderTest } from '../internal/chunk-under-test.js';
import { createFakePortal } from '../testing/index.js';

/**
 * The export's code (export-flow.ts, with the facade and eject) is a chunk loaded with import()
 * when the flow is made. A request before it is in shows `confirming` at once and a confirm waits
 * for the code; a chunk that does not arrive fails the confirm with a retryable EXPORT_FAILED, and
 * the next confirm loads it again.
 */

const chunk = chunkUnderTest({
  mock: (factory) => vi.doMock('./export-flow.js', factory),
  unmock: () => vi.doUnmock('./export-flow.js'),
  shell: () => import('./lazy-export-flow.js'),
});

const portalKeepingTheBackup = () => createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });

describe('createExportFlow (lazy)', () => {
  it('a request before the code is in shows confirming; the confirm waits for the code and reveals', async () => {
    const { createExportFlow } = await chunk.load();
    const flow = createExportFlow(portalKeepingTheBackup());
    flow.request('GDRIVE');
    expect(flow.getSnapshot()).toEqual({ state: 'confirming', method: 'GDRIVE' });

    expect((await flow.confirm()).state).toBe('revealed');
    expect(chunk.loads).toBe(1);
    flow.dispose();
  });

  it('a chunk that does not arrive fails the confirm with a retryable EXPORT_FAILED; the next confirm loads it again', async () => {
    chunk.failing = true;
    const { createExportFlow } = await chunk.load();
    const flow = createExportFlow(portalKeepingTheBackup());
    await vi.waitFor(() => expect(chunk.loads).toBe(1));
    // Nothing asked yet: the flow stays idle.
    expect(flow.getSnapshot()).toEqual({ state: 'idle' });

    flow.request('GDRIVE');
    // (A fresh module graph per test: the error's class is that graph's, so it is matched by name.)
    expect(await flow.confirm()).toMatchObject({
      state: 'error',
      method: 'GDRIVE',
      error: { name: 'BackupKitError', code: 'EXPORT_FAILED', stage: 'exporting', retryable: true },
    });

    chunk.failing = false;
    expect((await flow.confirm()).state).toBe('revealed');
    flow.dispose();
  });
});
