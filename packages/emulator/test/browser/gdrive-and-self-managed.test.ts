import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { clientWithApiKey, silentLogger } from '../support/emulator-state.js';
import { startFakeCustodianWebhook, type FakeCustodianWebhook } from '../support/fake-custodian-webhook.js';

const PASSWORD = 'a password for the webhook tests';

describe('the real @portal-hq/web 3.4.1 against the emulator: GDRIVE and self-managed backups', () => {
  const suite = useBrowserSuite();
  let portalManaged: RunningEmulator;
  let selfManaged: RunningEmulator;
  let webhook: FakeCustodianWebhook;

  beforeAll(async () => {
    webhook = await startFakeCustodianWebhook();
    [portalManaged, selfManaged] = await Promise.all([
      startEmulator({ logger: silentLogger }),
      startEmulator({ logger: silentLogger, webhook: { url: webhook.url, secret: webhook.secret } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([portalManaged?.stop(), selfManaged?.stop(), webhook?.close()]);
  });

  it('backs up with GDRIVE under a key kept in its stand-in for Google Drive, and recovers the same address', async () => {
    const portal = await suite.openPortal(portalManaged, { gdrive: true });
    const result = await portal.page.evaluate(async () => {
      const address = await window.portal.createWallet();
      const { cipherText } = await window.portal.backupWallet(window.sdk.BackupMethods.gdrive);
      await window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.gdrive);
      const methods = await window.portal.availableRecoveryMethods();
      await window.portal.clearLocalWallet();
      const onDeviceAfterLoss = await window.portal.isWalletOnDevice();
      const recovered = await window.portal.recoverWallet(cipherText, window.sdk.BackupMethods.gdrive);
      return { address, methods, onDeviceAfterLoss, recovered, onDevice: await window.portal.isWalletOnDevice() };
    });
    expect(result).toEqual({
      address: result.address,
      methods: ['GDRIVE'],
      onDeviceAfterLoss: false,
      recovered: result.address,
      onDevice: true,
    });
    expect(clientWithApiKey(portalManaged, portal.apiKey).googleDriveBackupKeys).toBe(1);
  });

  it('refuses a GDRIVE backup when Portal was configured without gdrive', async () => {
    const portal = await suite.openPortal(portalManaged);
    const outcome = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      return window.sdk.settle(() => window.portal.backupWallet(window.sdk.BackupMethods.gdrive));
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 201, message: expect.stringContaining('gdrive') } });
  });

  it('rejects an old cipherText once a newer backup of the same method replaced its custodian share', async () => {
    const portal = await suite.openPortal(portalManaged);
    const outcome = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      const configs = { passwordStorage: { password } };
      const old = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, configs);
      await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, configs);
      return window.sdk.settle(() =>
        window.portal.recoverWallet(old.cipherText, window.sdk.BackupMethods.password, configs),
      );
    }, PASSWORD);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 113, message: expect.stringContaining('older backup') },
    });
  });

  it('posts the custodian backup share to the webhook with the secret, checks it with /backup/fetch, and fetches it for recovery', async () => {
    const portal = await suite.openPortal(selfManaged);
    const callsBefore = webhook.calls.length;
    const result = await portal.page.evaluate(async (password) => {
      const configs = { passwordStorage: { password } };
      const address = await window.portal.createWallet();
      const { cipherText } = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, configs);
      await window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password);
      await window.portal.clearLocalWallet();
      const recovered = await window.portal.recoverWallet(cipherText, window.sdk.BackupMethods.password, configs);
      return { address, recovered };
    }, PASSWORD);
    expect(result.recovered).toBe(result.address);

    const { id: clientId } = clientWithApiKey(selfManaged, portal.apiKey);
    const calls = webhook.calls.slice(callsBefore);
    expect(
      calls.map(({ path, secretMatched, body }) => ({
        path,
        secretMatched,
        clientId: body.clientId,
        backupMethod: body.backupMethod,
      })),
    ).toEqual([
      { path: '/webhook/backup', secretMatched: true, clientId, backupMethod: 'PASSWORD' },
      { path: '/webhook/backup/fetch', secretMatched: true, clientId, backupMethod: 'PASSWORD' },
      { path: '/webhook/backup/fetch', secretMatched: true, clientId, backupMethod: 'PASSWORD' },
    ]);
    expect(Object.keys(calls[0]?.body ?? {}).sort()).toEqual(['backupMethod', 'clientId', 'share']);
    const share = JSON.parse(String(calls[0]?.body.share)) as Record<string, unknown>;
    expect(share).toMatchObject({
      SECP256K1: expect.stringMatching(/^[0-9a-f]{64}$/),
      ED25519: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(clientWithApiKey(selfManaged, portal.apiKey).custodianBackupShares).toEqual([
      { backupMethod: 'PASSWORD', storedAt: expect.any(String), location: 'webhook' },
    ]);
  });

  it('fails the backup with a clear error when the webhook does not store the share', async () => {
    const portal = await suite.openPortal(selfManaged);
    webhook.failNext('/webhook/backup', 500);
    const outcome = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      return window.sdk.settle(() =>
        window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, { passwordStorage: { password } }),
      );
    }, PASSWORD);
    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'PortalMpcError',
        code: 502,
        message: `The custodian webhook failed: POST ${webhook.url}/webhook/backup answered HTTP 500 (expected 204)`,
      },
    });
    expect(clientWithApiKey(selfManaged, portal.apiKey).wallets.flatMap((wallet) => wallet.backupSharePairs)).toEqual(
      [],
    );
  });
});
