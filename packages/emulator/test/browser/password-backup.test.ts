import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_ORDERS, startEmulator, type RunningEmulator } from '../../src/index.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { capturingLogger, clientWithApiKey } from '../support/emulator-state.js';

const PASSWORD = 'correct horse battery staple';

describe('the real @portal-hq/web 3.4.1 against the emulator: PASSWORD backups', () => {
  const suite = useBrowserSuite();
  let emulator: RunningEmulator;
  const { lines: logLines, logger: capturing } = capturingLogger();

  beforeAll(async () => {
    emulator = await startEmulator({ logger: capturing });
  });
  afterAll(() => emulator?.stop());

  it('creates, backs up, loses and recovers a wallet, rejecting a wrong password with 407 without losing anything', async () => {
    const portal = await suite.openPortal(emulator);
    const { page } = portal;

    expect(await page.evaluate(() => window.portal.address)).toBe('');
    const address = await page.evaluate(() => window.portal.createWallet());
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(false);

    const cipherText = await page.evaluate(
      async (password) =>
        (
          await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, {
            passwordStorage: { password },
          })
        ).cipherText,
      PASSWORD,
    );
    expect(cipherText).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(false);

    await page.evaluate(() => window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password));
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(true);
    expect(await page.evaluate(() => window.portal.availableRecoveryMethods())).toEqual(['PASSWORD']);

    expect(await page.evaluate(() => window.portal.clearLocalWallet())).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(false);
    const walletsBeforeWrongPassword = clientWithApiKey(emulator, portal.apiKey).wallets;

    const wrong = await page.evaluate(
      (text) =>
        window.sdk.settle(() =>
          window.portal.recoverWallet(text, window.sdk.BackupMethods.password, {
            passwordStorage: { password: 'not the password' },
          }),
        ),
      cipherText,
    );
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'PortalMpcError', code: 407 } });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/^Failed to decrypt/);
    expect(clientWithApiKey(emulator, portal.apiKey).wallets).toEqual(walletsBeforeWrongPassword);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(true);

    const recovered = await page.evaluate(
      ({ text, password }) =>
        window.portal.recoverWallet(text, window.sdk.BackupMethods.password, { passwordStorage: { password } }),
      { text: cipherText, password: PASSWORD },
    );
    expect(recovered).toBe(address);
    expect(await page.evaluate(() => window.portal.address)).toBe(address);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);
    expect(await page.evaluate(() => window.portal.getEip155Address())).toBe(address);
    expect(await page.evaluate(() => window.portal.getSolanaAddress())).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
  });

  it('reports progress in the documented order, ending with Done', async () => {
    const portal = await suite.openPortal(emulator);
    const progress = await portal.page.evaluate(async (password) => {
      const seen: Record<string, { status: string; done: boolean }[]> = { generate: [], backup: [], recover: [] };
      await window.portal.createWallet((status) => seen.generate?.push(status));
      const { cipherText } = await window.portal.backupWallet(
        window.sdk.BackupMethods.password,
        (status) => seen.backup?.push(status),
        { passwordStorage: { password } },
      );
      await window.portal.recoverWallet(
        cipherText,
        window.sdk.BackupMethods.password,
        { passwordStorage: { password } },
        (status) => seen.recover?.push(status),
      );
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
    const portal = await suite.openPortal(emulator);
    const answers = await portal.page.evaluate(async () => ({
      backedUp: await window.portal.isWalletBackedUp(),
      backedUpOnEip155: await window.portal.isWalletBackedUp('eip155:11155111'),
      methods: await window.portal.availableRecoveryMethods(),
      recoverable: await window.portal.isWalletRecoverable(),
      exists: await window.portal.doesWalletExist(),
      onDevice: await window.portal.isWalletOnDevice(),
      eip155: await window.portal.getEip155Address(),
    }));
    expect(answers).toEqual({
      backedUp: false,
      backedUpOnEip155: false,
      methods: [],
      recoverable: false,
      exists: false,
      onDevice: false,
      eip155: '',
    });
  });

  it('leaves the wallet not backed up when the app reports storedClientBackupShare(false)', async () => {
    const portal = await suite.openPortal(emulator);
    const answers = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, { passwordStorage: { password } });
      await window.portal.storedClientBackupShare(false, window.sdk.BackupMethods.password);
      return {
        backedUp: await window.portal.isWalletBackedUp(),
        methods: await window.portal.availableRecoveryMethods(),
      };
    }, PASSWORD);
    expect(answers).toEqual({ backedUp: false, methods: [] });
    const { wallets } = clientWithApiKey(emulator, portal.apiKey);
    expect(wallets.flatMap((wallet) => wallet.backupSharePairs.map((pair) => pair.status))).toEqual([
      'incomplete',
      'incomplete',
    ]);
  });

  it('completes the backup share pairs through the storageCallback (portal:api:setBackupStatus)', async () => {
    const portal = await suite.openPortal(emulator);
    const backedUp = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      const { storageCallback } = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, {
        passwordStorage: { password },
      });
      const before = await window.portal.isWalletBackedUp('solana:devnet');
      await storageCallback();
      return { before, after: await window.portal.isWalletBackedUp('solana:devnet') };
    }, PASSWORD);
    expect(backedUp).toEqual({ before: false, after: true });
    const { wallets } = clientWithApiKey(emulator, portal.apiKey);
    expect(wallets.flatMap((wallet) => wallet.backupSharePairs.map((pair) => pair.status))).toEqual([
      'completed',
      'completed',
    ]);
  });

  it('completes the backup share pairs through storedClientBackupShare(true) alone, without the storageCallback', async () => {
    const portal = await suite.openPortal(emulator);
    const backedUp = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, { passwordStorage: { password } });
      const before = await window.portal.isWalletBackedUp('solana:devnet');
      await window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password);
      return { before, after: await window.portal.isWalletBackedUp('solana:devnet') };
    }, PASSWORD);
    expect(backedUp).toEqual({ before: false, after: true });
    const { wallets } = clientWithApiKey(emulator, portal.apiKey);
    expect(wallets.flatMap((wallet) => wallet.backupSharePairs.map((pair) => pair.status))).toEqual([
      'completed',
      'completed',
    ]);
  });

  it('never puts the password, the cipherText or a share in its logs, its state or its error messages', async () => {
    const portal = await suite.openPortal(emulator);
    const { page } = portal;
    const cipherText = await page.evaluate(async (password) => {
      await window.portal.createWallet();
      const backup = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, {
        passwordStorage: { password },
      });
      await window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password);
      await window.portal
        .recoverWallet(backup.cipherText, window.sdk.BackupMethods.password, {
          passwordStorage: { password: `${password}!` },
        })
        .catch(() => {});
      return backup.cipherText;
    }, PASSWORD);
    const iframe = page.frames().find((frame) => frame.url().startsWith(emulator.url));
    const storedSigningShares = await iframe?.evaluate(() =>
      Object.entries(window.localStorage)
        .map(([, value]) => value)
        .join(''),
    );
    const shares = [...(storedSigningShares ?? '').matchAll(/[0-9a-f]{64}/g)].map(([hex]) => hex);
    expect(shares).toHaveLength(2);

    const everythingVisible = [...logLines, JSON.stringify(emulator.control.state())].join('\n');
    expect(everythingVisible).toContain('portal:wasm:backup');
    for (const secret of [PASSWORD, cipherText, cipherText.slice(0, 24), ...shares]) {
      expect(everythingVisible).not.toContain(secret);
    }
    // Custodian shares are 32-byte hex too: once the public keys are taken out, no such string may remain.
    const publicKeys = emulator.control
      .state()
      .clients.flatMap((client) => client.wallets.map((wallet) => wallet.publicKey));
    expect(publicKeys.length).toBeGreaterThan(0);
    const withoutPublicKeys = publicKeys.reduce((text, publicKey) => text.replaceAll(publicKey, ''), everythingVisible);
    expect(withoutPublicKeys).not.toMatch(/[0-9a-f]{64}/);
  });
});
