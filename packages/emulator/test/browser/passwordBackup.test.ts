import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_ORDERS, startEmulator, type RunningEmulator } from '../../src/index.js';
import { launchChromium } from '../support/chromium.js';
import { openPortalPage, type PortalPage } from '../support/portalPage.js';
import { startSdkPageServer, type SdkPageServer } from '../support/sdkPageServer.js';

const PASSWORD = 'correct horse battery staple';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('the real @portal-hq/web 3.4.1 against the emulator: PASSWORD backups', () => {
  let browser: Browser;
  let emulator: RunningEmulator;
  let pageServer: SdkPageServer;
  let portal: PortalPage | undefined;

  beforeAll(async () => {
    [browser, emulator, pageServer] = await Promise.all([launchChromium(), startEmulator({ logger: silent }), startSdkPageServer()]);
  });
  afterEach(async () => {
    await portal?.close();
    portal = undefined;
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), emulator?.stop(), pageServer?.close()]);
  });

  it('creates, backs up, loses and recovers a wallet, rejecting a wrong password with 407 without losing anything', async () => {
    portal = await openPortalPage(browser, pageServer.origin, emulator);
    const { page } = portal;

    expect(await page.evaluate(() => window.portal.address)).toBe('');
    const address = await page.evaluate(() => window.portal.createWallet());
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(false);

    const cipherText = await page.evaluate(
      async (password) => (await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, { passwordStorage: { password } })).cipherText,
      PASSWORD,
    );
    expect(cipherText).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(false);

    await page.evaluate(() => window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password));
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(true);
    expect(await page.evaluate(() => window.portal.availableRecoveryMethods())).toEqual(['PASSWORD']);

    expect(await page.evaluate(() => window.portal.clearLocalWallet())).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(false);
    const walletsBeforeWrongPassword = emulator.control.state().clients[0]?.wallets;

    const wrong = await page.evaluate(
      (text) => window.sdk.settle(() => window.portal.recoverWallet(text, window.sdk.BackupMethods.password, { passwordStorage: { password: 'not the password' } })),
      cipherText,
    );
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'PortalMpcError', code: 407 } });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/^Failed to decrypt/);
    expect(emulator.control.state().clients[0]?.wallets).toEqual(walletsBeforeWrongPassword);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(true);

    const recovered = await page.evaluate(
      ({ text, password }) => window.portal.recoverWallet(text, window.sdk.BackupMethods.password, { passwordStorage: { password } }),
      { text: cipherText, password: PASSWORD },
    );
    expect(recovered).toBe(address);
    expect(await page.evaluate(() => window.portal.address)).toBe(address);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);
    expect(await page.evaluate(() => window.portal.getEip155Address())).toBe(address);
    expect(await page.evaluate(() => window.portal.getSolanaAddress())).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
  });

  it('reports progress in the documented order, ending with Done', async () => {
    portal = await openPortalPage(browser, pageServer.origin, emulator);
    const progress = await portal.page.evaluate(async (password) => {
      const seen: Record<string, { status: string; done: boolean }[]> = { generate: [], backup: [], recover: [] };
      await window.portal.createWallet((status) => seen.generate?.push(status));
      const { cipherText } = await window.portal.backupWallet(
        window.sdk.BackupMethods.password,
        (status) => seen.backup?.push(status),
        { passwordStorage: { password } },
      );
      await window.portal.recoverWallet(cipherText, window.sdk.BackupMethods.password, { passwordStorage: { password } }, (status) => seen.recover?.push(status));
      // Progress messages are posted before the result, but give stragglers a tick anyway.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return seen;
    }, PASSWORD);
    for (const operation of ['generate', 'backup', 'recover'] as const) {
      const order = PROGRESS_ORDERS[operation];
      expect(progress[operation]).toEqual(order.map((status, index) => ({ status, done: index === order.length - 1 })));
    }
  });

  it('answers a client without a wallet so that the SDK helpers return false and [] instead of throwing', async () => {
    portal = await openPortalPage(browser, pageServer.origin, emulator);
    const answers = await portal.page.evaluate(async () => ({
      backedUp: await window.portal.isWalletBackedUp(),
      backedUpOnEip155: await window.portal.isWalletBackedUp('eip155:11155111'),
      methods: await window.portal.availableRecoveryMethods(),
      recoverable: await window.portal.isWalletRecoverable(),
      exists: await window.portal.doesWalletExist(),
      onDevice: await window.portal.isWalletOnDevice(),
      eip155: await window.portal.getEip155Address(),
    }));
    expect(answers).toEqual({ backedUp: false, backedUpOnEip155: false, methods: [], recoverable: false, exists: false, onDevice: false, eip155: '' });
  });

  it('leaves the wallet not backed up when the app reports storedClientBackupShare(false)', async () => {
    portal = await openPortalPage(browser, pageServer.origin, emulator);
    const answers = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, { passwordStorage: { password } });
      await window.portal.storedClientBackupShare(false, window.sdk.BackupMethods.password);
      return { backedUp: await window.portal.isWalletBackedUp(), methods: await window.portal.availableRecoveryMethods() };
    }, PASSWORD);
    expect(answers).toEqual({ backedUp: false, methods: [] });
    const wallets = emulator.control.state().clients.find((client) => client.apiKey === portal?.apiKey)?.wallets ?? [];
    expect(wallets.flatMap((wallet) => wallet.backupSharePairs.map((pair) => pair.status))).toEqual(['incomplete', 'incomplete']);
  });

  it('completes the backup share pairs through the storageCallback (portal:api:setBackupStatus)', async () => {
    portal = await openPortalPage(browser, pageServer.origin, emulator);
    const backedUp = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      const { storageCallback } = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, { passwordStorage: { password } });
      const before = await window.portal.isWalletBackedUp('solana:devnet');
      await storageCallback();
      return { before, after: await window.portal.isWalletBackedUp('solana:devnet') };
    }, PASSWORD);
    expect(backedUp).toEqual({ before: false, after: true });
  });
});
