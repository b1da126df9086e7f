/**
 * The error codes the emulator answers with. Numbers below 500 are @portal-hq/web's own
 * PortalErrorCodes (not exported by the SDK); 501 and 502 are the emulator's, deliberately
 * outside Portal's 100–499 ranges so nobody mistakes them for a Portal code.
 */
export const ErrorCodes = {
  /** Portal 113 RefreshShareMismatch: the backup shares do not rebuild the wallet's key. */
  ShareMismatch: 113,
  /** Portal 201 BadRequest. */
  BadRequest: 201,
  /** Portal 202 InvalidApiKey. */
  InvalidApiKey: 202,
  /** Portal 203 NotFound. */
  NotFound: 203,
  /** Portal 405 FailedToDecodeCipherHexString: the cipherText is not one the emulator wrote. */
  FailedToDecodeCipher: 405,
  /** Portal 407 FailedToDecryptCipher: wrong password, wrong key, or a tampered cipherText. */
  FailedToDecryptCipher: 407,
  /** Emulator: the SDK asked for something the emulator does not implement. */
  NotSupportedByEmulator: 501,
  /** Emulator: the custodian webhook (self-managed backups) failed or answered wrongly. */
  CustodianWebhookFailed: 502,
  /** Portal's fallback when a code is missing; also the default for injected faults. */
  Unknown: 999,
} as const;

/** MpcErrorCodes string code; PortalMpcError passes string codes through unchanged. */
export const WALLET_MODIFICATION_ALREADY_IN_PROGRESS = 'WALLET_MODIFICATION_ALREADY_IN_PROGRESS';

export type PortalErrorCode = number | string;

/**
 * Passkey backups through the SDK (BackupMethods.passkey). String codes, like the SDK's own
 * MpcErrorCodes, and deliberately distinct: the app can tell a missing popup (its own bug:
 * open the passkey window inside the click) from a user who said no.
 */
export const PasskeyErrorCodes = {
  /** No passkey window said hello within the time limit (never opened, or blocked). */
  popupNotOpened: 'PASSKEY_POPUP_NOT_OPENED',
  /** The user cancelled, refused user verification, closed the window or let it time out. */
  cancelled: 'PASSKEY_CANCELLED',
  /** The authenticator gave no PRF output where the backup's key is wrapped under it. */
  prfUnsupported: 'PASSKEY_PRF_UNSUPPORTED',
  /** The browser refused the relying party ID in the passkey window (WebAuthn's SecurityError). */
  relyingPartyRefused: 'PASSKEY_RP_ID_REFUSED',
  /** The ceremony failed otherwise: a response that did not verify, the server refused it. */
  failed: 'PASSKEY_FAILED',
} as const;
