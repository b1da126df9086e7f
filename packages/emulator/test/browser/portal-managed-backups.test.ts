import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { capturingLogger, clientWithApiKey, silentLogger } from '../support/emulator-state.js';

const PASSWORD = 'a password Portal never sees';

describe('the real @portal-hq/web 3.4.1 against the emulator: Portal-managed backups', () => {
  const suite = useBrowserSuite();
  let portalManaged: RunningEmulator;
  let appManaged: RunningEmulator;
  const { lines: logLines, logger: capturing } = capturingLogger();

  beforeAll(async () => {
    [portalManaged, appManaged] = await Promise.all([
      startEmulator({ portalManagedBackups: true, logger: capturing }),
      startEmulator({ logger: silentLogger }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([portalManaged?.stop(), appManaged?.stop()]);
  });

  it('is backed up right after backupWallet, and recovers from the cipherText Portal kept with the right password only', async () => {
    const portal = await suite.openPortal(portalManaged);
    const { page } = portal;
    const before = await page.evaluate(async (password) => {
      const address = await window.portal.createWallet();
      const { cipherText } = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, {
        passwordStorage: { password },
      });
      return {
        address,
        cipherText,
        environment: (await window.portal.getClient()).environment.backupWithPortalEnabled,
        backedUp: await window.portal.isWalletBackedUp(),
        methods: await window.portal.availableRecoveryMethods(),
        lost: await window.portal.clearLocalWallet(),
        onDevice: await window.portal.isWalletOnDevice(),
      };
    }, PASSWORD);
    expect(before).toMatchObject({ environment: true, backedUp: true, methods: ['PASSWORD'], onDevice: false });
    expect(clientWithApiKey(portalManaged, portal.apiKey).clientBackupShares).toEqual([
      { backupMethod: 'PASSWORD', storedAt: expect.any(String) },
    ]);
    expect(
      portalManaged.control
        .state()
        .log.filter((entry) => entry.apiKey === portal.apiKey)
        .map((entry) => entry.type),
    ).not.toContain('portal:storedClientBackupShare');

    const wrong = await page.evaluate(() =>
      window.sdk.settle(() =>
        window.portal.recoverWallet('', window.sdk.BackupMethods.password, {
          passwordStorage: { password: 'not the password' },
        }),
      ),
    );
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'PortalMpcError', code: 407 } });
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(false);

    const recovered = await page.evaluate(
      (password) =>
        window.portal.recoverWallet('', window.sdk.BackupMethods.password, { passwordStorage: { password } }),
      PASSWORD,
    );
    expect(recovered).toBe(before.address);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);

    const everythingVisible = [...logLines, JSON.stringify(portalManaged.control.state())].join('\n');
    for (const secret of [PASSWORD, before.cipherText, before.cipherText.slice(0, 24)]) {
      expect(everythingVisible).not.toContain(secret);
    }
  });

  it('keeps only the latest cipherText of a method, still recovers from an explicit one and accepts storedClientBackupShare', async () => {
    const portal = await suite.openPortal(portalManaged);
    const outcome = await portal.page.evaluate(async (password) => {
      const configs = { passwordStorage: { password } };
      const address = await window.portal.createWallet();
      const older = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, configs);
      const latest = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, configs);
      const stored = await window.sdk.settle(() =>
        window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password),
      );
      const fromOlder = await window.sdk.settle(() =>
        window.portal.recoverWallet(older.cipherText, window.sdk.BackupMethods.password, configs),
      );
      const fromLatest = await window.portal.recoverWallet(
        latest.cipherText,
        window.sdk.BackupMethods.password,
        configs,
      );
      const fromPortal = await window.portal.recoverWallet('', window.sdk.BackupMethods.password, configs);
      return { address, stored, fromOlder, fromLatest, fromPortal, backedUp: await window.portal.isWalletBackedUp() };
    }, PASSWORD);
    expect(outcome).toEqual({
      address: outcome.address,
      stored: { ok: true },
      fromOlder: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 113 }) }),
      fromLatest: outcome.address,
      fromPortal: outcome.address,
      backedUp: true,
    });
  });

  it("answers recoverWallet('') with 203 when Portal keeps no backup of that method", async () => {
    const portal = await suite.openPortal(portalManaged);
    const outcome = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      return window.sdk.settle(() =>
        window.portal.recoverWallet('', window.sdk.BackupMethods.password, { passwordStorage: { password: 'abcd' } }),
      );
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 203, message: expect.stringContaining('PASSWORD') } });
  });

  it("keeps nothing by default: backupWithPortalEnabled is false and recoverWallet('') is refused with 405", async () => {
    const portal = await suite.openPortal(appManaged);
    const outcome = await portal.page.evaluate(async (password) => {
      await window.portal.createWallet();
      await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, {
        passwordStorage: { password },
      });
      return {
        environment: (await window.portal.getClient()).environment.backupWithPortalEnabled,
        backedUp: await window.portal.isWalletBackedUp(),
        recovered: await window.sdk.settle(() =>
          window.portal.recoverWallet('', window.sdk.BackupMethods.password, { passwordStorage: { password } }),
        ),
      };
    }, PASSWORD);
    expect(outcome).toEqual({
      environment: false,
      backedUp: false,
      recovered: {
        ok: false,
        error: { kind: 'PortalMpcError', code: 405, message: expect.stringContaining('portalManagedBackups') },
      },
    });
    expect(clientWithApiKey(appManaged, portal.apiKey).clientBackupShares).toEqual([]);
  });
});
