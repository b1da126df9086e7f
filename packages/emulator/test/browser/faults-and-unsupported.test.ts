import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { messagesFrom, silentLogger } from '../support/emulator-state.js';
import { freshApiKey, waitForReady } from '../support/portal-page.js';

describe('the real @portal-hq/web 3.4.1 against injected faults and unsupported calls', () => {
  const suite = useBrowserSuite();
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ logger: silentLogger });
  });
  afterEach(() => emulator.control.clearFaults());
  afterAll(() => emulator?.stop());

  it('rejects storedClientBackupShare with the injected code, and a retry succeeds', async () => {
    const portal = await suite.openPortal(emulator);
    emulator.control.injectFault({
      kind: 'storedClientBackupShare',
      code: 211,
      message: 'Injected network failure',
      apiKey: portal.apiKey,
    });
    const outcome = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, {
        passwordStorage: { password: 'a fine password' },
      });
      const first = await window.sdk.settle(() =>
        window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password),
      );
      const backedUpAfterFailure = await window.portal.isWalletBackedUp();
      const retry = await window.sdk.settle(() =>
        window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password),
      );
      return { first, backedUpAfterFailure, retry, backedUp: await window.portal.isWalletBackedUp() };
    });
    expect(outcome).toEqual({
      first: { ok: false, error: { kind: 'PortalMpcError', code: 211, message: 'Injected network failure' } },
      backedUpAfterFailure: false,
      retry: { ok: true },
      backedUp: true,
    });
    const storedCalls = messagesFrom(emulator, portal.apiKey).filter(
      (entry) => entry.type === 'portal:storedClientBackupShare',
    );
    expect(storedCalls.map((entry) => entry.details)).toEqual([
      { success: true, backupMethod: 'PASSWORD' },
      { success: true, backupMethod: 'PASSWORD' },
    ]);
  });

  it('delays a call by the injected latency and then answers it normally', async () => {
    const portal = await suite.openPortal(emulator);
    emulator.control.injectFault({ kind: 'getClient', latencyMs: 400, apiKey: portal.apiKey });
    const { elapsed, exists } = await portal.page.evaluate(async () => {
      const started = performance.now();
      const exists = await window.portal.doesWalletExist();
      return { elapsed: performance.now() - started, exists };
    });
    expect(exists).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(400);
  });

  it('never sends portal:ready under a never-ready fault, so portal.ready stays false', async () => {
    const apiKey = freshApiKey();
    emulator.control.injectFault({ kind: 'configure', effect: 'hang', apiKey });
    const portal = await suite.openPortal(emulator, { apiKey, waitForReady: false });
    expect(await waitForReady(portal.page, 1_500)).toBe('timed out');
    expect(await portal.page.evaluate(() => window.portal.ready)).toBe(false);
    expect(messagesFrom(emulator, apiKey).map((entry) => entry.type)).toEqual(['portal:configure']);
  });

  it('sends portal:wasm:error instead of ready, which reaches onInitializationError', async () => {
    const apiKey = freshApiKey();
    emulator.control.injectFault({ kind: 'configure', code: 202, message: 'Invalid API key', apiKey });
    const portal = await suite.openPortal(emulator, { apiKey, waitForReady: false });
    await portal.page.waitForFunction(() => window.initializationErrors.length > 0, undefined, { timeout: 5_000 });
    expect(await portal.page.evaluate(() => window.initializationErrors)).toEqual([
      { code: 202, message: 'Invalid API key' },
    ]);
    expect(await portal.page.evaluate(() => window.portal.ready)).toBe(false);
  });

  it('fails initialization when Portal has no apiKey, since the emulator identifies clients by it', async () => {
    const portal = await suite.openPortal(emulator, { apiKey: '', waitForReady: false });
    await portal.page.waitForFunction(() => window.initializationErrors.length > 0, undefined, { timeout: 5_000 });
    expect(await portal.page.evaluate(() => window.initializationErrors)).toEqual([
      { code: 202, message: expect.stringContaining('apiKey') },
    ]);
  });

  it('rejects rawSign, which it does not emulate, with a clear error instead of hanging', async () => {
    const portal = await suite.openPortal(emulator);
    const outcome = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      return window.sdk.settle(() => window.portal.rawSign('SECP256K1', 'deadbeef'));
    });
    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'PortalMpcError',
        code: 501,
        message:
          "'portal:mpc:rawSign' is not supported by the Backup Kit emulator: it emulates wallet creation, backup, recovery and export only",
      },
    });
  });

  it('refuses a second wallet modification while one is in flight', async () => {
    const portal = await suite.openPortal(emulator);
    const outcomes = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      let second: Promise<unknown> | undefined;
      const first = await window.sdk.settle(() =>
        window.portal.backupWallet(
          window.sdk.BackupMethods.password,
          (progress) => {
            // The backup holds the wallet while it derives its key (600,000 PBKDF2 rounds).
            if (progress.status === 'Encrypting share') {
              second = window.sdk.settle(() =>
                window.portal.recoverWallet('x', window.sdk.BackupMethods.password, {
                  passwordStorage: { password: 'abcd' },
                }),
              );
            }
          },
          { passwordStorage: { password: 'a fine password' } },
        ),
      );
      return { first: first.ok, second: await second };
    });
    expect(outcomes).toEqual({
      first: true,
      second: {
        ok: false,
        error: {
          kind: 'PortalMpcError',
          code: 'WALLET_MODIFICATION_ALREADY_IN_PROGRESS',
          message: '[PortalMpc] Wallet modification already in progress',
        },
      },
    });
  });
});
