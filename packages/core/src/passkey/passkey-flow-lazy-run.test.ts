import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/index.js';

/**
 * The backup's run (backup-run.ts) loads with import(). A passkey flow stays `checking` (its
 * trigger disabled) until that load is over, so no click waits for a download before the prompt.
 */

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};

afterEach(() => {
  vi.doUnmock('../backup/backup-run.js');
  vi.resetModules();
});

describe('passkey flow and the lazily loaded backup run', () => {
  it('stays checking until the run has loaded, then is idle', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock('../backup/backup-run.js', async (importOriginal) => {
      await arrived;
      return importOriginal();
    });
    const { createPasskeyFlow } = await import('./eager-passkey-flow.js');
    const flow = createPasskeyFlow(createFakePortal({ seedPasskeyApi: true }), {
      passkey,
      pageOrigin: 'https://app.example.com',
      isSupported: async () => true,
    });

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flow.getSnapshot().state).toBe('checking');

    arrive();

    await vi.waitFor(() => expect(flow.getSnapshot().state).toBe('idle'));
  });
});
