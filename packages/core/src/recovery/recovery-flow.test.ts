import { describe, expect, it, vi } from 'vitest';
import { backupWallet } from '../portal/portal-calls.js';
import { createBackupFlow } from '../backup/eager-backup-flow.js';
import { getPortalFacade } from '../portal.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import { createRecoveryFlow } from './lazy-recovery-flow.js';

async function backedUpWallet(password = 'right password') {
  const portal = createFakePortal();
  const storage = memoryStorage();
  await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password });
  return { portal, storage };
}

describe('recovery flow', () => {
  it('lists only the methods with a completed backup', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });
    await createBackupFlow(portal, {
      method: 'PASSWORD',
      storage: memoryStorage({ saves: [{ throw: new Error('x') }] }),
    }).start({
      password: 'right password',
    });
    const flow = createRecoveryFlow(portal);

    expect(await flow.refresh()).toEqual({ state: 'idle', methods: ['GDRIVE'] });
  });

  it('recovers with the stored cipherText and the right password, reporting progress', async () => {
    const { portal, storage } = await backedUpWallet();
    const onSuccess = vi.fn();
    const onProgress = vi.fn();
    const flow = createRecoveryFlow(portal, { storage, onSuccess, onProgress });
    await flow.refresh();

    const final = await flow.recover({ method: 'PASSWORD', password: 'right password' });

    expect(final).toEqual({ state: 'success', method: 'PASSWORD', address: portal.address });
    expect(onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSWORD', address: portal.address });
    expect(onProgress).toHaveBeenCalled();
  });

  it('reports a wrong password as WRONG_PASSWORD, keeps the stored share, and lets the user try again', async () => {
    const { portal, storage } = await backedUpWallet();
    const before = storage.stored.get('PASSWORD');
    const flow = createRecoveryFlow(portal, { storage });
    await flow.refresh();

    const failed = await flow.recover({ method: 'PASSWORD', password: 'wrong password' });

    expect(failed).toMatchObject({
      state: 'error',
      method: 'PASSWORD',
      methods: ['PASSWORD'],
      error: { code: 'WRONG_PASSWORD', retryable: true },
    });
    expect(storage.stored.get('PASSWORD')).toBe(before);
    expect((await flow.recover({ method: 'PASSWORD', password: 'right password' })).state).toBe('success');
  });

  it('says NO_BACKUP_FOUND when the storage has nothing for the method', async () => {
    const { portal } = await backedUpWallet();
    const flow = createRecoveryFlow(portal, { storage: memoryStorage() });

    const final = await flow.recover({ method: 'PASSWORD', password: 'right password' });

    expect(final.state === 'error' && final.error).toMatchObject({
      code: 'NO_BACKUP_FOUND',
      stage: 'loading',
      retryable: false,
    });
    expect(portal.count('recoverWallet')).toBe(0);
  });

  it('passes an empty cipherText when Portal keeps the backup (Portal-managed)', async () => {
    const portal = createFakePortal();
    const recoverWallet = vi.spyOn(portal, 'recoverWallet');
    await createRecoveryFlow(portal).recover({ method: 'GDRIVE' });

    expect(recoverWallet.mock.calls[0]![0]).toBe('');
  });

  it('runs one recovery at a time', async () => {
    const { portal, storage } = await backedUpWallet();
    const flow = createRecoveryFlow(portal, { storage });

    const [a, b] = await Promise.all([
      flow.recover({ method: 'PASSWORD', password: 'right password' }),
      flow.recover({ method: 'PASSWORD', password: 'right password' }),
    ]);

    expect(a).toBe(b);
    expect(portal.count('recoverWallet')).toBe(1);
  });

  it('unlocks a method the app stores its own way before recovering', async () => {
    const { portal, storage } = await backedUpWallet('key-from-passkey');
    const unlock = vi.fn(async () => ({ method: 'PASSWORD' as const, password: 'key-from-passkey' }));
    const flow = createRecoveryFlow(portal, { storage, unlock });

    expect((await flow.recover({ method: 'PASSWORD' })).state).toBe('success');
    expect(unlock).toHaveBeenCalledTimes(1);
  });

  it('offers a passkey backup stored as CUSTOM by the direct path, and recovers it with the unlocked key', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    const passkey = { customDomain: 'https://keys.example.com', relyingPartyId: 'example.com', relyingPartyName: 'Ex' };
    const produce = async () => ({
      ...(await backupWallet(getPortalFacade(portal), { method: 'PASSWORD', password: 'vault-key' })),
      portalMethod: 'PASSWORD' as const,
    });
    await createBackupFlow(portal, { method: 'CUSTOM', storage, produce }).start();
    const unlock = vi.fn(async () => ({ method: 'PASSWORD' as const, password: 'vault-key' }));
    const flow = createRecoveryFlow(portal, { storage, passkey, unlock, pageOrigin: 'https://app.example.com' });

    expect(await flow.refresh()).toEqual({ state: 'idle', methods: ['PASSWORD', 'CUSTOM'] });
    expect(await flow.recover({ method: 'CUSTOM' })).toMatchObject({ state: 'success', method: 'CUSTOM' });
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('checks the passkey options before any vault request or ceremony, as backup does', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, {
      method: 'CUSTOM',
      storage,
      produce: async () => ({
        ...(await backupWallet(getPortalFacade(portal), { method: 'PASSWORD', password: 'vault-key' })),
        portalMethod: 'PASSWORD' as const,
      }),
    }).start();
    const load = vi.spyOn(storage, 'load');
    const unlock = vi.fn(async () => ({ method: 'PASSWORD' as const, password: 'vault-key' }));
    const passkey = { customDomain: 'http://keys.example.com', relyingPartyId: 'example.com', relyingPartyName: 'Ex' };
    const flow = createRecoveryFlow(portal, { storage, passkey, unlock, pageOrigin: 'https://app.example.com' });
    await flow.refresh();
    load.mockClear();

    const final = await flow.recover({ method: 'CUSTOM' });

    expect(final).toMatchObject({
      state: 'error',
      method: 'CUSTOM',
      error: { code: 'PASSKEY_OPTIONS_INVALID', stage: 'validating' },
    });
    if (final.state !== 'error') throw new Error('expected an error');
    expect(final.error.details).toEqual({
      issues: [expect.objectContaining({ code: 'custom-domain-insecure', field: 'customDomain' })],
    });
    expect(unlock).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
  });

  it('opens no passkey window for options already known to be invalid', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['PASSKEY'] } });
    const open = vi.fn(() => null);
    vi.stubGlobal('window', { open });
    try {
      const passkey = {
        customDomain: 'http://keys.example.com',
        relyingPartyId: 'example.com',
        relyingPartyName: 'Ex',
      };
      const passkeyWindow = { url: 'https://portal.example/passkey' };
      const flow = createRecoveryFlow(portal, { passkey, passkeyWindow, pageOrigin: 'https://app.example.com' });
      await flow.refresh();

      const final = await flow.recover({ method: 'PASSKEY' });

      expect(final).toMatchObject({ state: 'error', error: { code: 'PASSKEY_OPTIONS_INVALID' } });
      expect(open).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
