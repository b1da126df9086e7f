import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import { createPasskeyBackupFlow } from './passkey-backup-flow.js';
import type { DirectPasskeyPath } from './passkey-flow.js';
import { validatePasskeyOptions } from './passkey-options.js';

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};
const pageOrigin = 'https://app.example.com';
const passkeyWindow = { url: 'https://portal.example/passkey' };
const supported = async () => true;
/** Lets the lazy chunks and the option check settle, as they do between mount and click. */
const mounted = () => new Promise((resolve) => setTimeout(resolve, 20));

function stubWindow() {
  const open = vi.fn(() => ({ close: vi.fn() }));
  vi.stubGlobal('window', { open });
  return open;
}

describe('a PASSKEY backup for a button (createPasskeyBackupFlow)', () => {
  afterEach(() => vi.unstubAllGlobals());
  // The checks' chunk (and, in development, the public-suffix list) is cached by the first use,
  // as an app's is by its first mount; then a mount's check settles long before a click.
  beforeAll(async () => {
    await validatePasskeyOptions(passkey, pageOrigin);
    await import('./passkey-backup-adapter.js');
  });

  it('checks the options before anything: invalid ones are PASSKEY_OPTIONS_INVALID, with no window, no ceremony and no vault', async () => {
    const open = stubWindow();
    const portal = createFakePortal();
    const driver: DirectPasskeyPath = { register: vi.fn(), backUp: vi.fn() };
    const loadDirectPath = vi.fn(async () => driver);
    const onError = vi.fn();
    const flow = createPasskeyBackupFlow(portal, {
      passkey: { ...passkey, customDomain: 'http://passkeys.example.com' },
      passkeyWindow,
      pageOrigin,
      isSupported: supported,
      loadDirectPath,
      onError,
    });
    await mounted();

    const final = await flow.start();

    expect(final).toMatchObject({
      state: 'error',
      method: 'PASSKEY',
      error: { code: 'PASSKEY_OPTIONS_INVALID', details: { issues: [{ code: 'custom-domain-insecure' }] } },
    });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'PASSKEY_OPTIONS_INVALID' }));
    expect(open).not.toHaveBeenCalled();
    expect(portal.calls).toEqual([]);
    expect(driver.register).not.toHaveBeenCalled();
  });

  it("takes PasskeySetup's direct path for usePopup: false, its code loaded before the click, and opens no window", async () => {
    const open = stubWindow();
    const portal = createFakePortal();
    const driver: DirectPasskeyPath = {
      register: vi.fn(async () => {}),
      backUp: vi.fn(async () => ({ cipherText: 'sealed' })),
    };
    const loadDirectPath = vi.fn(async () => driver);
    const storage = memoryStorage();
    const flow = createPasskeyBackupFlow(portal, {
      passkey: { ...passkey, usePopup: false },
      pageOrigin,
      storage,
      isSupported: supported,
      loadDirectPath,
    });
    await mounted();
    expect(loadDirectPath).toHaveBeenCalledTimes(1);

    expect(await flow.start()).toEqual({ state: 'success', method: 'PASSKEY', storage: 'self' });
    expect(driver.register).toHaveBeenCalledTimes(1);
    expect(driver.backUp).toHaveBeenCalledTimes(1);
    expect(storage.stored.get('CUSTOM')).toBe('sealed');
    expect(open).not.toHaveBeenCalled();
    expect(loadDirectPath).toHaveBeenCalledTimes(1);
  });

  it("takes the SDK's path with valid options: Portal's window opens synchronously inside start, then backupWallet(PASSKEY)", async () => {
    const open = stubWindow();
    const portal = createFakePortal();
    const flow = createPasskeyBackupFlow(portal, { passkey, passkeyWindow, pageOrigin, isSupported: supported });
    await mounted();

    const done = flow.start();
    expect(open).toHaveBeenCalledWith(passkeyWindow.url, 'portal-passkey', expect.any(String));
    expect(await done).toEqual({ state: 'success', method: 'PASSKEY', storage: 'portal' });
    expect(portal.calls.map((call) => call.kind)).toEqual(['backupWallet']);
  });

  it("without passkey options runs backupWallet(PASSKEY) on the Portal's own config, the window opened inside start", async () => {
    const open = stubWindow();
    const portal = createFakePortal();
    const flow = createPasskeyBackupFlow(portal, { passkeyWindow });
    await mounted();

    const done = flow.start();
    expect(open).toHaveBeenCalledTimes(1);
    expect(await done).toEqual({ state: 'success', method: 'PASSKEY', storage: 'portal' });
  });

  it('a browser without passkeys shows PASSKEY_UNSUPPORTED and runs nothing', async () => {
    const portal = createFakePortal();
    const flow = createPasskeyBackupFlow(portal, { passkey, pageOrigin, isSupported: async () => false });
    await mounted();
    expect(flow.getSnapshot()).toMatchObject({ state: 'error', error: { code: 'PASSKEY_UNSUPPORTED' } });
    await flow.start();
    expect(portal.calls).toEqual([]);
  });

  it('a click before the chunk arrived waits for it and still backs up', async () => {
    const portal = createFakePortal();
    const flow = createPasskeyBackupFlow(portal, { passkey, pageOrigin, isSupported: supported });
    expect(await flow.start()).toEqual({ state: 'success', method: 'PASSKEY', storage: 'portal' });
  });
});
