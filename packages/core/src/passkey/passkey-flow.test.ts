import { describe, expect, it, vi } from 'vitest';
import { backupWallet } from '../portal/portal-calls.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import { createPasskeyFlow } from './eager-passkey-flow.js';
import type { DirectPasskeyPath } from './passkey-flow.js';
import type { PasskeySnapshot } from './passkey-snapshot.js';

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};
const pageOrigin = 'https://app.example.com';
const supported = async () => true;
const cancelled = () => ({
  throw: new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
});

function states(flow: { subscribe(l: () => void): () => void; getSnapshot(): PasskeySnapshot }) {
  const seen: string[] = [];
  flow.subscribe(() => seen.push(flow.getSnapshot().state));
  return seen;
}

describe('passkey flow', () => {
  it('starts in checking, then unsupported when the browser has no WebAuthn, and never runs a ceremony', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, isSupported: async () => false });
    expect(flow.getSnapshot().state).toBe('checking');

    const final = await flow.start();

    expect(final.state).toBe('unsupported');
    expect(portal.calls).toEqual([]);
  });

  it("loads the direct path's module when the options are given, before any start, and only once", async () => {
    const driver: DirectPasskeyPath = { register: vi.fn(async () => {}), backUp: async () => ({ cipherText: 'x' }) };
    const loadDirectPath = vi.fn(async () => driver);
    const flow = createPasskeyFlow(createFakePortal(), {
      passkey: { ...passkey, usePopup: false },
      pageOrigin,
      isSupported: supported,
      storage: memoryStorage(),
      loadDirectPath,
    });

    expect(loadDirectPath).toHaveBeenCalledTimes(1);
    await flow.start();
    expect(driver.register).toHaveBeenCalledTimes(1);
    expect(loadDirectPath).toHaveBeenCalledTimes(1);
  });

  it('loads no direct path for the SDK path', () => {
    const loadDirectPath = vi.fn(async () => ({}) as DirectPasskeyPath);
    createPasskeyFlow(createFakePortal(), { passkey, pageOrigin, isSupported: supported, loadDirectPath });
    expect(loadDirectPath).not.toHaveBeenCalled();
  });

  it('refuses invalid custom-domain options before any ceremony, listing every issue', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const onError = vi.fn();
    const flow = createPasskeyFlow(portal, {
      passkey: { ...passkey, customDomain: 'http://passkeys.example.com', relyingPartyName: '' },
      pageOrigin,
      isSupported: supported,
      onError,
    });

    const final = await flow.start();

    expect(final.state).toBe('error');
    const error = final.state === 'error' ? final.error : undefined;
    expect(error).toMatchObject({ code: 'PASSKEY_OPTIONS_INVALID', stage: 'validating', retryable: false });
    expect((error?.details as { issues: Array<{ code: string }> }).issues.map((i) => i.code)).toEqual([
      'custom-domain-insecure',
      'relying-party-name-missing',
    ]);
    expect(onError).toHaveBeenCalledWith(error);
    expect(portal.calls).toEqual([]);
  });

  it("uses the seed's API where the SDK has it: register, generate, write the key, store as CUSTOM, tell Portal", async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const storage = memoryStorage();
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, storage, isSupported: supported });
    const seen = states(flow);

    const final = await flow.start();

    expect(final).toEqual({ state: 'success', method: 'CUSTOM', storage: 'self' });
    expect(portal.calls.map((c) => c.kind)).toEqual([
      'registerPasskey',
      'generateBackupShare',
      'authenticatePasskeyAndWriteKey',
      'getClient', // the new pairs' ids, stored beside the share
      'storedClientBackupShare',
    ]);
    expect(storage.stored.get('CUSTOM')).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'CUSTOM' }]);
    const distinct = seen.filter((state, i) => state !== seen[i - 1]);
    expect(distinct).toEqual(['idle', 'registering', 'backing-up', 'storing', 'notifying', 'success']);
  });

  it("uses 3.4.1's backupWallet(PASSKEY) when the SDK lacks the seed's API and usePopup is not false", async () => {
    const portal = createFakePortal();
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, isSupported: supported });

    expect(flow.resolvePath()).toBe('sdk');
    expect(await flow.start()).toEqual({ state: 'success', method: 'PASSKEY', storage: 'portal' });
    expect(portal.calls.map((c) => c.kind)).toEqual(['backupWallet']);
  });

  it('takes the direct path for usePopup: false, through the loaded driver', async () => {
    const portal = createFakePortal();
    const driver: DirectPasskeyPath = {
      register: vi.fn(async () => {}),
      backUp: vi.fn(async ({ facade }) => backupWallet(facade, { method: 'PASSWORD', password: 'random-256-bit-key' })),
    };
    const flow = createPasskeyFlow(portal, {
      passkey: { ...passkey, usePopup: false },
      pageOrigin,
      storage: memoryStorage(),
      isSupported: supported,
      loadDirectPath: async () => driver,
    });

    expect(flow.resolvePath()).toBe('direct');
    expect((await flow.start()).state).toBe('success');
    expect(driver.register).toHaveBeenCalledTimes(1);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'CUSTOM' }]);
  });

  it('turns a cancelled passkey prompt into the cancelled state, stores nothing, tells Portal nothing, and retry works', async () => {
    const portal = createFakePortal({
      seedPasskeyApi: true,
      failures: { authenticatePasskeyAndWriteKey: [cancelled()] },
    });
    const storage = memoryStorage();
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, storage, isSupported: supported });

    const first = await flow.start();

    expect(first.state).toBe('cancelled');
    expect(first.state === 'cancelled' && first.error).toMatchObject({ code: 'PASSKEY_CANCELLED', retryable: true });
    expect(storage.saveCount).toBe(0);
    expect(portal.notifications).toEqual([]);

    const second = await flow.retry();
    expect(second.state).toBe('success');
    expect(portal.count('registerPasskey')).toBe(1);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'CUSTOM' }]);
  });

  it('reports a cancelled registration as cancelled and registers again on retry', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true, failures: { registerPasskey: [cancelled()] } });
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, isSupported: supported });

    expect((await flow.start()).state).toBe('cancelled');
    expect((await flow.retry()).state).toBe('success');
    expect(portal.count('registerPasskey')).toBe(2);
  });

  it('keeps the storage promises: a storage failure tells Portal false and retry stores the same cipherText', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 500') }] });
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, storage, isSupported: supported });

    const failed = await flow.start();
    expect(failed.state === 'error' && failed.error.code).toBe('STORAGE_FAILED');
    const final = await flow.retry();

    expect(final.state).toBe('success');
    expect(portal.count('generateBackupShare')).toBe(1);
    expect(storage.stored.get('CUSTOM')).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([
      { success: false, backupMethod: 'CUSTOM' },
      { success: true, backupMethod: 'CUSTOM' },
    ]);
  });

  it("loads the kit's own direct path by default, and reports an unreachable vault as PASSKEY_FAILED", async () => {
    const portal = createFakePortal();
    const local = {
      customDomain: 'http://localhost:1',
      relyingPartyId: 'localhost',
      relyingPartyName: 'Dev',
      usePopup: false,
    };
    const flow = createPasskeyFlow(portal, {
      passkey: local,
      pageOrigin: 'http://localhost:5173',
      isSupported: supported,
    });

    const final = await flow.start();

    expect(final.state === 'error' && final.error).toMatchObject({
      code: 'PASSKEY_FAILED',
      stage: 'passkey',
      retryable: true,
    });
    expect(portal.calls).toEqual([]);
  });

  describe("on the SDK's own path", () => {
    function fakeWindowOpener() {
      const opened: Array<{ url: string; closed: boolean }> = [];
      const open = vi.fn((url: string) => {
        const entry = { url, closed: false };
        opened.push(entry);
        return { close: () => (entry.closed = true) } as unknown as Window;
      });
      vi.stubGlobal('window', { open });
      return { opened, open };
    }

    it("opens Portal's passkey window synchronously inside start(), before any await", async () => {
      const { opened } = fakeWindowOpener();
      const portal = createFakePortal();
      const flow = createPasskeyFlow(portal, {
        passkey,
        pageOrigin,
        isSupported: supported,
        passkeyWindow: { url: 'http://localhost:5190/passkey/popup' },
      });

      const done = flow.start();
      expect(opened.map((o) => o.url)).toEqual(['http://localhost:5190/passkey/popup']);
      expect((await done).state).toBe('success');
      expect(opened[0]!.closed).toBe(false);
      vi.unstubAllGlobals();
    });

    it('closes the window again when the flow stops before Portal is asked (invalid options)', async () => {
      const { opened } = fakeWindowOpener();
      const flow = createPasskeyFlow(createFakePortal(), {
        passkey: { ...passkey, relyingPartyName: '' },
        pageOrigin,
        isSupported: supported,
        passkeyWindow: { url: 'http://localhost:5190/passkey/popup' },
      });

      expect((await flow.start()).state).toBe('error');
      expect(opened[0]!.closed).toBe(true);
      vi.unstubAllGlobals();
    });

    it('opens no window once the options are known to be invalid (checked when given, not on click)', async () => {
      const { open } = fakeWindowOpener();
      const flow = createPasskeyFlow(createFakePortal(), {
        passkey: { ...passkey, customDomain: 'http://passkeys.example.com' },
        pageOrigin,
        isSupported: supported,
        passkeyWindow: { url: 'http://localhost:5190/passkey/popup' },
      });
      await vi.waitFor(async () => expect((await flow.start()).state).toBe('error'));
      open.mockClear();

      const final = await flow.start();

      expect(final).toMatchObject({ state: 'error', error: { code: 'PASSKEY_OPTIONS_INVALID' } });
      expect(open).not.toHaveBeenCalled();
      vi.unstubAllGlobals();
    });

    it('opens no window on the direct path', async () => {
      const { open } = fakeWindowOpener();
      const driver: DirectPasskeyPath = { register: async () => {}, backUp: async () => ({ cipherText: 'x' }) };
      const flow = createPasskeyFlow(createFakePortal(), {
        passkey: { ...passkey, usePopup: false },
        pageOrigin,
        isSupported: supported,
        loadDirectPath: async () => driver,
        passkeyWindow: { url: 'http://localhost:5190/passkey/popup' },
      });

      await flow.start();
      expect(open).not.toHaveBeenCalled();
      vi.unstubAllGlobals();
    });
  });
});
