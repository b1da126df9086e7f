import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { passkeyPopupUrl, startEmulator, type RunningEmulator } from '../../src/index.js';
import { DEFAULT_PASSKEY_POPUP_TIMEOUT_MS } from '../../src/server/passkey-ceremonies.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { capturingLogger, clientWithApiKey } from '../support/emulator-state.js';
import { createVirtualPasskeys, runPasskeyAction } from '../support/passkey-popups.js';

describe('the real @portal-hq/web 3.4.1 against the emulator: PASSKEY backups through a popup', () => {
  const suite = useBrowserSuite();
  let emulator: RunningEmulator;
  const { lines: logLines, logger: capturing } = capturingLogger();
  const localPasskeys = () => ({ relyingParty: 'localhost', webAuthnHost: emulator.host });

  beforeAll(async () => {
    emulator = await startEmulator({ logger: capturing });
  });
  afterEach(() => emulator.control.configurePasskeys({ popupTimeoutMs: DEFAULT_PASSKEY_POPUP_TIMEOUT_MS }));
  afterAll(() => emulator?.stop());

  it.each([
    { authenticator: 'without PRF, in a second passkey window', hasPrf: false, keyProtection: 'enclave' },
    { authenticator: 'with PRF, in the passkey window kept open', hasPrf: true, keyProtection: 'prf' },
  ])('backs up by passkey and recovers the same address with it, $authenticator', async ({ hasPrf, keyProtection }) => {
    const portal = await suite.openPortal(emulator, {
      passkey: { ...localPasskeys(), relyingPartyOrigins: [suite.pageServer.origin] },
    });
    const { page } = portal;
    const passkeys = createVirtualPasskeys();
    const address = await page.evaluate(() => window.portal.createWallet());

    const backup = await runPasskeyAction(
      page,
      emulator,
      passkeys,
      { kind: 'backup' },
      { hasPrf, keepWindowOpen: hasPrf },
    );
    expect(backup.outcome).toMatchObject({ ok: true, value: { cipherText: expect.any(String) } });
    expect(await page.evaluate(() => window.passkeyPopupOpened)).toBe(true);
    if (!hasPrf) await backup.popup.waitForEvent('close');
    expect(passkeys.count).toBe(1);
    const cipherText = (backup.outcome as { value: { cipherText: string } }).value.cipherText;
    expect(clientWithApiKey(emulator, portal.apiKey).passkey).toEqual({
      credentialId: expect.any(String),
      rpId: 'localhost',
      keyProtection,
      storedAt: expect.any(String),
    });

    const stored = await page.evaluate(async () => {
      await window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.passkey);
      return {
        methods: await window.portal.availableRecoveryMethods(),
        lost: await window.portal.clearLocalWallet(),
        onDevice: await window.portal.isWalletOnDevice(),
      };
    });
    expect(stored).toEqual({ methods: ['PASSKEY'], lost: true, onDevice: false });

    const recovery = await runPasskeyAction(
      page,
      emulator,
      passkeys,
      { kind: 'recover', cipherText },
      hasPrf ? { reuse: backup.popup } : {},
    );
    expect(recovery.outcome).toEqual({ ok: true, value: address });
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);
  });

  it('never puts the passkey-protected key, the PRF output or the cipherText in its logs or its state', async () => {
    const portal = await suite.openPortal(emulator, { passkey: localPasskeys() });
    // Records, in the passkey window, the key the iframe hands it and the PRF output it gets.
    await portal.context.addInitScript(() => {
      // sessionStorage outlives the navigation that reuses the passkey window for the recovery.
      const seen = {
        push: (...values: string[]) =>
          sessionStorage.setItem(
            'secretsSeen',
            JSON.stringify([...JSON.parse(sessionStorage.getItem('secretsSeen') ?? '[]'), ...values]),
          ),
      };
      const encode = (bytes: ArrayBuffer | ArrayBufferView) => {
        const view =
          bytes instanceof ArrayBuffer
            ? new Uint8Array(bytes)
            : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const binary = String.fromCharCode(...view);
        const hex = [...view].map((byte) => byte.toString(16).padStart(2, '0')).join('');
        return [btoa(binary), btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), hex];
      };
      window.addEventListener('message', (event: MessageEvent) => {
        const key = (event.data as { operation?: { key?: string }; result?: { key?: string } } | null)?.operation?.key;
        const released = (event.data as { result?: { key?: string } } | null)?.result?.key;
        for (const value of [key, released]) if (typeof value === 'string') seen.push(value);
      });
      const get = navigator.credentials.get.bind(navigator.credentials);
      navigator.credentials.get = async (options) => {
        const credential = (await get(options)) as PublicKeyCredential;
        const first = (credential.getClientExtensionResults() as { prf?: { results?: { first?: ArrayBuffer } } }).prf
          ?.results?.first;
        if (first) seen.push(...encode(first));
        return credential;
      };
    });
    await portal.page.evaluate(() => window.portal.createWallet());
    const passkeys = createVirtualPasskeys();
    const backup = await runPasskeyAction(
      portal.page,
      emulator,
      passkeys,
      { kind: 'backup' },
      { hasPrf: true, keepWindowOpen: true },
    );
    const cipherText = (backup.outcome as { value: { cipherText: string } }).value.cipherText;
    await runPasskeyAction(portal.page, emulator, passkeys, { kind: 'recover', cipherText }, { reuse: backup.popup });
    const secrets = await backup.popup.evaluate(
      () => JSON.parse(sessionStorage.getItem('secretsSeen') ?? '[]') as string[],
    );
    // The backup key the iframe handed over, and the PRF output of both ceremonies in three encodings.
    expect(secrets).toHaveLength(1 + 2 * 3);
    expect(clientWithApiKey(emulator, portal.apiKey).passkey?.keyProtection).toBe('prf');

    const everythingVisible = [...logLines, JSON.stringify(emulator.control.state())].join('\n');
    expect(everythingVisible).toContain('passkey authentication verified');
    for (const secret of [...secrets, cipherText, cipherText.slice(0, 24)]) {
      expect(everythingVisible).not.toContain(secret);
    }
    // Nor a 32-byte value in base64 (a key), nor any long base64 run (a wrapped or sealed key) that is not hex.
    expect(everythingVisible).not.toMatch(/[A-Za-z0-9+/]{43}=/);
    expect(everythingVisible).not.toMatch(/(?=[A-Za-z0-9+/]*[g-zG-Z+/])[A-Za-z0-9+/]{60,}/);
  });

  it('answers PASSKEY_POPUP_NOT_OPENED within the time limit when no passkey window says hello, storing nothing', async () => {
    emulator.control.configurePasskeys({ popupTimeoutMs: 1_000 });
    const portal = await suite.openPortal(emulator, { passkey: localPasskeys() });
    const { outcome, elapsed } = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      const started = performance.now();
      const outcome = await window.sdk.settle(() => window.portal.backupWallet(window.sdk.BackupMethods.passkey));
      return { outcome, elapsed: performance.now() - started };
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'PortalMpcError', code: 'PASSKEY_POPUP_NOT_OPENED' },
    });
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toContain('need a popup');
    expect(message).toContain("inside the user's click");
    expect(message).toContain('usePopup: false');
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(5_000);
    const client = clientWithApiKey(emulator, portal.apiKey);
    expect(client.wallets.flatMap((wallet) => wallet.backupSharePairs)).toEqual([]);
    expect(client.passkey).toBeNull();
  });

  it('answers PASSKEY_CANCELLED and stores nothing when the authenticator refuses user verification', async () => {
    const portal = await suite.openPortal(emulator, { passkey: localPasskeys() });
    await portal.page.evaluate(() => window.portal.createWallet());
    const passkeys = createVirtualPasskeys();
    const { outcome, popup } = await runPasskeyAction(
      portal.page,
      emulator,
      passkeys,
      { kind: 'backup' },
      { isUserVerified: false },
    );
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'PortalMpcError', code: 'PASSKEY_CANCELLED' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('Nothing was stored');
    await popup.waitForEvent('close');
    const client = clientWithApiKey(emulator, portal.apiKey);
    expect(client.wallets.flatMap((wallet) => wallet.backupSharePairs)).toEqual([]);
    expect(client.custodianBackupShares).toEqual([]);
    expect(client.passkey).toBeNull();
    expect(passkeys.count).toBe(0);
  });

  it('answers PASSKEY_PRF_UNSUPPORTED, a typed reason, when the recovery passkey gives no PRF output for a PRF-wrapped key', async () => {
    const portal = await suite.openPortal(emulator, { passkey: localPasskeys() });
    const { page } = portal;
    await page.evaluate(() => window.portal.createWallet());
    const passkeys = createVirtualPasskeys();
    const backup = await runPasskeyAction(page, emulator, passkeys, { kind: 'backup' }, { hasPrf: true });
    const cipherText = (backup.outcome as { value: { cipherText: string } }).value.cipherText;
    expect(clientWithApiKey(emulator, portal.apiKey).passkey?.keyProtection).toBe('prf');
    await backup.popup.waitForEvent('close');
    await page.evaluate(() => window.portal.clearLocalWallet());

    // The same credential in a new window whose authenticator has no PRF.
    const recovery = await runPasskeyAction(
      page,
      emulator,
      passkeys,
      { kind: 'recover', cipherText },
      { hasPrf: false },
    );

    expect(recovery.outcome).toMatchObject({
      ok: false,
      error: { kind: 'PortalMpcError', code: 'PASSKEY_PRF_UNSUPPORTED' },
    });
    expect(recovery.outcome.ok ? '' : recovery.outcome.error.message).toContain('PRF extension');
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(false);
  });

  it('refuses up front, without waiting for a window, a passkey configuration the emulator cannot serve', async () => {
    const portal = await suite.openPortal(emulator, {
      passkey: { relyingParty: 'example.com', webAuthnHost: 'passkeys.example.com' },
    });
    const outcome = await portal.page.evaluate(async () => {
      await window.portal.createWallet();
      const progress: string[] = [];
      const outcome = await window.sdk.settle(() =>
        window.portal.backupWallet(window.sdk.BackupMethods.passkey, (status) => progress.push(status.status)),
      );
      return { outcome, progress };
    });
    expect(outcome).toEqual({
      outcome: {
        ok: false,
        error: {
          kind: 'PortalMpcError',
          code: 201,
          message: expect.stringContaining(`pass webAuthnHost: '${emulator.host}'`),
        },
      },
      progress: [],
    });
  });

  it('is blocked by Chromium when window.open runs without a user gesture, and opens from a click', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.pageServer.origin}/`);
    // Playwright's own evaluate runs with a user gesture; CDP's Runtime.evaluate does not by default.
    const cdp = await context.newCDPSession(page);
    const withoutGesture = async (expression: string) =>
      ((await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: unknown } })
        .result.value;
    const url = passkeyPopupUrl(emulator.host);
    expect(
      await withoutGesture(
        `({ activated: navigator.userActivation.hasBeenActive, opened: window.open(${JSON.stringify(url)}, 'portal-passkey', 'popup') !== null })`,
      ),
    ).toEqual({ activated: false, opened: false });
    expect(context.pages()).toHaveLength(1);

    await withoutGesture(
      `document.body.insertAdjacentHTML('beforeend', '<button id="open">Open</button>'); document.getElementById('open').onclick = () => { window.opened = window.open(${JSON.stringify(url)}, 'portal-passkey', 'popup') !== null; }`,
    );
    const popup = context.waitForEvent('page');
    await page.click('#open');
    expect((await popup).url()).toBe(url);
    expect(await withoutGesture('window.opened')).toBe(true);
  });
});
