import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/index.js';

/**
 * How the facade waits and calls (facade-calls.ts) loads with import(), started when the facade
 * is made. A load that fails is a typed, retryable failure of that call, and the next call loads
 * again; nothing reaches Portal meanwhile.
 */

let loads = 0;
let failing = false;

afterEach(() => {
  vi.doUnmock('./facade-calls.js');
  vi.resetModules();
  loads = 0;
  failing = false;
});

async function freshModules() {
  vi.doMock('./facade-calls.js', async (importOriginal) => {
    loads += 1;
    if (failing) throw new TypeError('Failed to fetch dynamically imported module');
    return importOriginal();
  });
  const { getPortalFacade } = await import('./portal-facade.js');
  const { backupWallet } = await import('./portal-calls.js');
  return { getPortalFacade, backupWallet };
}

describe('portal facade, the lazily loaded calls', () => {
  it('start loading when the facade is made, before any call', async () => {
    const { getPortalFacade } = await freshModules();
    getPortalFacade(createFakePortal());

    await vi.waitFor(() => expect(loads).toBe(1));
  });

  it('a failed load fails the call with its own typed, retryable error; the next call loads again', async () => {
    failing = true;
    const { getPortalFacade, backupWallet } = await freshModules();
    const portal = createFakePortal();
    const facade = getPortalFacade(portal);

    await expect(backupWallet(facade, { method: 'GDRIVE' })).rejects.toMatchObject({
      code: 'BACKUP_FAILED',
      stage: 'backing-up',
      retryable: true,
    });
    await expect(facade.whenReady()).rejects.toMatchObject({ code: 'PORTAL_NOT_READY', retryable: true });
    expect(portal.count('backupWallet')).toBe(0);

    failing = false;
    vi.doUnmock('./facade-calls.js');

    await expect(backupWallet(facade, { method: 'GDRIVE' })).resolves.toMatchObject({ cipherText: expect.any(String) });
    expect(portal.count('backupWallet')).toBe(1);
  });
});
