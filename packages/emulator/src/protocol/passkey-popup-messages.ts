import type { PasskeyErrorCodes } from './portal-error-codes.js';

/**
 * The postMessage protocol between the emulator's iframe and its passkey window (both on the
 * emulator's origin; every message is posted with targetOrigin = that origin, and accepted
 * only from it).
 *
 *   popup  → each frame of window.opener   HELLO                      (every 250 ms until answered)
 *   iframe → the popup (event.source)      OPERATION { operation }    (only while a passkey backup or recovery waits)
 *   popup  → the iframe                    RESULT { operationId, outcome, key?, reason? }
 *
 * The popup runs the WebAuthn ceremony against the emulator server; the iframe never does.
 */
export const PasskeyPopupMessages = {
  hello: 'backup-kit-emulator:passkey-popup:hello',
  operation: 'backup-kit-emulator:passkey-popup:operation',
  result: 'backup-kit-emulator:passkey-popup:result',
} as const;

export type PasskeyOperationKind = 'backup' | 'recover';

/** What the iframe hands the popup that said hello. */
export interface PasskeyPopupOperation {
  operationId: string;
  kind: PasskeyOperationKind;
  /** Backup only: the fresh 256-bit key (base64) that the passkey will guard. */
  key?: string;
}

export type PasskeyPopupResult =
  | { outcome: 'completed'; operationId: string; /** Recovery only: the released key (base64). */ key?: string }
  /** The user cancelled, refused user verification or let the prompt time out (NotAllowedError). */
  | { outcome: 'cancelled'; operationId: string; reason: string }
  /** `code` says why, typed (PasskeyErrorCodes); `reason` says it in words. */
  | { outcome: 'failed'; operationId: string; code: PasskeyFailureCode; reason: string };

/** The codes a failed ceremony is reported with; the iframe answers the SDK with the same code. */
export type PasskeyFailureCode = Exclude<
  (typeof PasskeyErrorCodes)[keyof typeof PasskeyErrorCodes],
  typeof PasskeyErrorCodes.popupNotOpened | typeof PasskeyErrorCodes.cancelled
>;

export interface PasskeyPopupMessage {
  type: (typeof PasskeyPopupMessages)[keyof typeof PasskeyPopupMessages];
  operation?: PasskeyPopupOperation;
  result?: PasskeyPopupResult;
}
