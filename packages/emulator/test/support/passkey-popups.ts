import { addVirtualAuthenticator, type VirtualAuthenticatorOptions } from '@backup-kit/chromium';
import type { CDPSession, Page } from 'playwright-core';
import type { RunningEmulator } from '../../src/index.js';
import type { Outcome } from './sdk-page-globals.js';

/** A credential as CDP's WebAuthn domain reports and accepts it. */
type VirtualCredential = Record<string, unknown> & { credentialId: string };

/**
 * One user's passkeys across passkey windows. CDP virtual authenticators belong to one target,
 * and each passkey window is a new target that closes itself when done, so every window gets
 * its own authenticator, loaded with the credentials this user has so far; credentialAdded and
 * credentialAsserted keep the latest copy of each credential (sign counter included).
 */
export interface VirtualPasskeys {
  readonly count: number;
  attachTo(page: Page, options?: VirtualAuthenticatorOptions): Promise<CDPSession>;
}

export function createVirtualPasskeys(): VirtualPasskeys {
  const credentials = new Map<string, VirtualCredential>();
  return {
    get count() {
      return credentials.size;
    },
    async attachTo(page, options = {}) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      const authenticatorId = await addVirtualAuthenticator(cdp, options);
      for (const credential of credentials.values()) {
        await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: credential as never });
      }
      const keep = ({ credential }: { credential: unknown }) => {
        const copy = credential as VirtualCredential;
        credentials.set(copy.credentialId, copy);
      };
      cdp.on('WebAuthn.credentialAdded', keep);
      cdp.on('WebAuthn.credentialAsserted', keep);
      return cdp;
    },
  };
}

export type PasskeyAction = { kind: 'backup' } | { kind: 'recover'; cipherText: string };

/**
 * What an app does: a button whose click handler opens the emulator's passkey window
 * synchronously (the click is the user gesture the popup blocker wants) and then calls the
 * SDK. The outcome lands in `window.passkeyOutcome`.
 */
export async function addPasskeyButton(page: Page, emulator: RunningEmulator, action: PasskeyAction): Promise<void> {
  await page.evaluate(
    ({ host, action: next }) => {
      document.getElementById('passkey-action')?.remove();
      const button = document.createElement('button');
      button.id = 'passkey-action';
      button.textContent = next.kind === 'backup' ? 'Back up with a passkey' : 'Recover with a passkey';
      button.addEventListener('click', () => {
        window.passkeyPopupOpened = window.sdk.openPasskeyPopup(host) !== null;
        const passkey = window.sdk.BackupMethods.passkey;
        window.passkeyOutcome =
          next.kind === 'backup'
            ? window.sdk.settle(() => window.portal.backupWallet(passkey))
            : window.sdk.settle(() => window.portal.recoverWallet(next.cipherText, passkey));
      });
      document.body.append(button);
    },
    { host: emulator.host, action },
  );
}

export interface RunOptions extends VirtualAuthenticatorOptions {
  /**
   * Keep the passkey window open when it is done (it closes itself otherwise), so the next
   * click reuses it: window.open with the same name navigates the open window. PRF needs
   * this: CDP cannot move a credential's PRF secret to another target's authenticator.
   */
  keepWindowOpen?: boolean;
  /** The window a previous run kept open: its authenticator (and PRF secret) is reused. */
  reuse?: Page;
}

/**
 * Clicks the app's passkey button, attaches an authenticator to the passkey window that opens
 * (or reuses the one kept open), clicks "Continue with passkey" there, and returns the SDK
 * call's outcome.
 */
export async function runPasskeyAction(
  page: Page,
  emulator: RunningEmulator,
  passkeys: VirtualPasskeys,
  action: PasskeyAction,
  options: RunOptions = {},
): Promise<{ outcome: Outcome<unknown>; popup: Page }> {
  await addPasskeyButton(page, emulator, action);
  let popup: Page;
  if (options.reuse) {
    popup = options.reuse;
    const navigated = popup.waitForEvent('load');
    await page.click('#passkey-action');
    await navigated;
  } else {
    const opened = page.context().waitForEvent('page');
    await page.click('#passkey-action');
    popup = await opened;
    await passkeys.attachTo(popup, options);
  }
  if (options.keepWindowOpen) await popup.evaluate(() => void (window.close = () => {}));
  await popup.getByRole('button', { name: 'Continue with passkey' }).click();
  const outcome = await page.evaluate(() => window.passkeyOutcome as Promise<Outcome<unknown>>);
  return { outcome, popup };
}
