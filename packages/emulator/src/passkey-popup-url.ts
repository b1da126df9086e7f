/**
 * What an app needs for passkey backups through @portal-hq/web 3.4.1 against the emulator
 * (`backupWallet(BackupMethods.passkey)`, `recoverWallet(cipherText, BackupMethods.passkey)`).
 * Browser-safe: no Node imports, so a page can import it from `@backup-kit/emulator/passkey-popup`.
 *
 * The Portal iframe is cross-origin and has neither the WebAuthn permission nor a user
 * gesture, so the ceremony runs in a popup served by the emulator. Only the app's own click
 * can open that popup past the popup blocker, so the app opens it, synchronously inside the
 * click handler, and then calls the SDK:
 *
 *   button.onclick = () => {
 *     openPasskeyPopup(emulatorHost); // or window.open(passkeyPopupUrl(host), PASSKEY_POPUP_WINDOW_NAME, PASSKEY_POPUP_FEATURES)
 *     void portal.backupWallet(BackupMethods.passkey);
 *   };
 */

/** Where the emulator serves the passkey window. */
export const PASSKEY_POPUP_PATH = '/passkey/popup';
/** One named window: a second click reuses it instead of stacking popups. */
export const PASSKEY_POPUP_WINDOW_NAME = 'portal-passkey';
export const PASSKEY_POPUP_FEATURES = 'popup,width=480,height=640';

/**
 * The passkey window's URL on `host` (the Portal `host` or `passkey.webAuthnHost`, e.g.
 * 'localhost:5190'). Like @portal-hq/web, http for hosts starting with 'localhost:', else https.
 */
export function passkeyPopupUrl(host: string): string {
  const scheme = host.startsWith('localhost:') ? 'http' : 'https';
  return `${scheme}://${host}${PASSKEY_POPUP_PATH}`;
}

/**
 * Opens the passkey window. Call it synchronously inside a click (or key) handler, before
 * `backupWallet`/`recoverWallet(…, PASSKEY)`: outside a user gesture the popup blocker
 * returns null, and the backup then fails with `PASSKEY_POPUP_NOT_OPENED`.
 */
export function openPasskeyPopup(host: string, opener: Pick<Window, 'open'> = window): Window | null {
  return opener.open(passkeyPopupUrl(host), PASSKEY_POPUP_WINDOW_NAME, PASSKEY_POPUP_FEATURES);
}
