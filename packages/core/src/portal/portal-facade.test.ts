import { describe, expect, it } from 'vitest';
import { createFakePortal } from '../testing/index.js';
import { backupWallet, clearLocalWallet, getBackupStatus, recoverWallet, reportStored } from './portal-calls.js';
import { getPortalFacade } from '../portal.js';
import { detectSdkFeatures } from './sdk-features.js';

describe('portal facade', () => {
  it('waits for Portal to be ready before the first call instead of posting into the void', async () => {
    const portal = createFakePortal({ ready: 'never' });
    const facade = getPortalFacade(portal);

    const backup = backupWallet(facade, { method: 'GDRIVE' });
    await new Promise((r) => setTimeout(r, 20));
    expect(portal.count('backupWallet')).toBe(0);

    portal.becomeReady();
    await expect(backup).resolves.toMatchObject({ cipherText: expect.any(String) });
    expect(portal.count('backupWallet')).toBe(1);
  });

  it('rejects with PORTAL_NOT_READY when Portal never becomes ready within the time limit', async () => {
    const facade = getPortalFacade(createFakePortal({ ready: 'never' }), { readyMs: 30 });

    await expect(backupWallet(facade, { method: 'GDRIVE' })).rejects.toMatchObject({
      code: 'PORTAL_NOT_READY',
      stage: 'initializing',
      retryable: true,
    });
  });

  it('turns onInitializationError into PORTAL_INIT_FAILED with the Portal code, even after the event passed', async () => {
    const portal = createFakePortal({ ready: { failWith: { code: 202, message: 'Invalid API key' } } });
    const facade = getPortalFacade(portal);
    await new Promise((r) => setTimeout(r, 0));

    await expect(facade.whenReady()).rejects.toMatchObject({
      code: 'PORTAL_INIT_FAILED',
      portalCode: 202,
      retryable: false,
    });
  });

  it('gives every call a time limit', async () => {
    const portal = createFakePortal({ failures: { storedClientBackupShare: 'hang' } });
    const facade = getPortalFacade(portal, { callMs: 25 });

    await expect(reportStored(facade, true, 'PASSWORD')).rejects.toMatchObject({ code: 'TIMEOUT', stage: 'notifying' });
  });

  it('stops waiting when the signal aborts', async () => {
    const portal = createFakePortal({ failures: { backupWallet: 'hang' } });
    const facade = getPortalFacade(portal);
    const controller = new AbortController();

    const backup = backupWallet(facade, { method: 'GDRIVE', signal: controller.signal });
    setTimeout(() => controller.abort(), 10);

    await expect(backup).rejects.toMatchObject({ code: 'ABORTED', stage: 'backing-up' });
  });

  it('serializes same-kind calls so each gets its own reply (the SDK matches replies by type only)', async () => {
    const portal = createFakePortal({ latencyMs: 5 });
    const facade = getPortalFacade(portal);
    const { cipherText } = await backupWallet(facade, { method: 'PASSWORD', password: 'right password' });

    const [good, bad] = await Promise.allSettled([
      recoverWallet(facade, { method: 'PASSWORD', cipherText, password: 'right password' }),
      recoverWallet(facade, { method: 'PASSWORD', cipherText, password: 'wrong password' }),
    ]);

    expect(good.status).toBe('fulfilled');
    expect(bad).toMatchObject({
      status: 'rejected',
      reason: { code: 'WRONG_PASSWORD', stage: 'recovering', portalCode: 407 },
    });
  });

  it('keeps a same-kind call queued behind one that outlived its caller, so it cannot take its reply', async () => {
    const portal = createFakePortal({ failures: { getClient: ['hang'] } });
    const facade = getPortalFacade(portal, { callMs: 20 });

    await expect(getBackupStatus(facade)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(getBackupStatus(facade)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(portal.count('getClient')).toBe(1);
  });

  it('takes the backup configs as one options object for both backup and recovery', async () => {
    const portal = createFakePortal();
    const facade = getPortalFacade(portal);

    const { cipherText } = await backupWallet(facade, { method: 'PASSWORD', password: 'pass phrase' });
    const address = await recoverWallet(facade, { method: 'PASSWORD', cipherText, password: 'pass phrase' });

    expect(address).toBe(portal.address);
  });

  it('summarizes backup status the way availableRecoveryMethods() does: completed pairs only', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });
    const facade = getPortalFacade(portal);
    await backupWallet(facade, { method: 'PASSWORD', password: 'pass phrase' });

    expect(await getBackupStatus(facade)).toMatchObject({ methods: ['GDRIVE'], hasWallet: true });
    await reportStored(facade, true, 'PASSWORD');
    expect((await getBackupStatus(facade)).methods.sort()).toEqual(['GDRIVE', 'PASSWORD']);
  });

  it('is shared per Portal instance, so all components share one lock', () => {
    const portal = createFakePortal();
    expect(getPortalFacade(portal)).toBe(getPortalFacade(portal));
    expect(getPortalFacade(portal)).not.toBe(getPortalFacade(createFakePortal()));
  });

  it('reports NOT_SUPPORTED for a method the SDK lacks', async () => {
    const portal = createFakePortal();
    delete (portal as { clearLocalWallet?: unknown }).clearLocalWallet;

    await expect(clearLocalWallet(getPortalFacade(portal))).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('detects the seed passkey API only where the SDK has it', () => {
    expect(detectSdkFeatures(createFakePortal()).seedPasskeyApi).toBe(false);
    expect(detectSdkFeatures(createFakePortal({ seedPasskeyApi: true }))).toEqual({
      registerPasskey: true,
      generateBackupShare: true,
      authenticatePasskeyAndWriteKey: true,
      seedPasskeyApi: true,
    });
  });
});
