import type { BackupKitError } from '../errors.js';
import type { PasskeyOptions } from '../portal/portal-like.js';
import type { PasskeyOptionIssue } from './passkey-options.js';

/**
 * Why a passkey ceremony failed, as the browser (a DOMException's name) or Portal's passkey window
 * (a string code on its error) said it:
 * - `cancelled`: the prompt was dismissed, user verification refused, or it timed out;
 * - `window-not-opened`: Portal's passkey window never opened (blocked, or not opened in the click);
 * - `prf-unsupported`: the authenticator has no PRF, which this backup needs;
 * - `relying-party-refused`: the browser refused the relying party ID on this page;
 * - `failed`: any other failure the window reported.
 */
export type PasskeyFailureReason =
  'cancelled' | 'window-not-opened' | 'prf-unsupported' | 'relying-party-refused' | 'failed';

/** The codes Portal's passkey window answers with (the emulator's; string codes pass through the SDK). */
const BY_PORTAL_CODE: Record<string, PasskeyFailureReason> = {
  PASSKEY_CANCELLED: 'cancelled',
  PASSKEY_POPUP_NOT_OPENED: 'window-not-opened',
  PASSKEY_PRF_UNSUPPORTED: 'prf-unsupported',
  PASSKEY_RP_ID_REFUSED: 'relying-party-refused',
  PASSKEY_FAILED: 'failed',
};

/** WebAuthn's own refusals in the page (the direct path), kept by @simplewebauthn/browser's errors. */
const BY_ERROR_NAME: Record<string, PasskeyFailureReason> = {
  NotAllowedError: 'cancelled',
  SecurityError: 'relying-party-refused',
};

const MESSAGES: Partial<Record<PasskeyFailureReason, string>> = {
  'window-not-opened': 'The passkey window did not open. Allow pop-ups for this site and try again.',
  'prf-unsupported':
    'This passkey cannot protect or unlock the backup: the device or password manager lacks the PRF extension it needs. Try another device.',
};

function reasonOf(error: BackupKitError): PasskeyFailureReason | undefined {
  if (typeof error.portalCode === 'string') return BY_PORTAL_CODE[error.portalCode];
  const name = (error.cause as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? BY_ERROR_NAME[name] : undefined;
}

/**
 * The issue a refused relying party ID stands for. Production builds skip the public-suffix
 * check (it needs the Public Suffix List); every other check still ran, so when the browser
 * refuses an RP ID they passed, a public suffix is what is left.
 */
export function refusedRelyingPartyIssue(relyingPartyId: string | undefined): PasskeyOptionIssue {
  return {
    code: 'relying-party-id-public-suffix',
    field: 'relyingPartyId',
    message: `The browser refused relyingPartyId "${relyingPartyId ?? ''}" on this page: it is a public suffix (or does not cover this page); use your own domain.`,
  };
}

/**
 * Gives a passkey failure its reason and a message that says it. A relying party ID the browser
 * (or Portal's window) refused becomes PASSKEY_OPTIONS_INVALID with the public-suffix issue, the
 * same typed issue the development-only check reports before any ceremony.
 */
export function explainPasskeyFailure(error: BackupKitError, passkey: PasskeyOptions | undefined): BackupKitError {
  const reason = error.reason ?? reasonOf(error);
  // The kit's own check already listed its issues; nothing to add.
  if (!reason || error.details !== undefined) return error;
  const init = { stage: error.stage, portalCode: error.portalCode, cause: error.cause, reason };
  // The error's own class: this lazy chunk then shares no code with the eager one.
  const KitError = error.constructor as typeof BackupKitError;
  if (reason === 'relying-party-refused') {
    const issue = refusedRelyingPartyIssue(passkey?.relyingPartyId);
    return new KitError('PASSKEY_OPTIONS_INVALID', {
      ...init,
      message: issue.message,
      details: { issues: [issue] },
    });
  }
  return new KitError(error.code, {
    ...init,
    retryable: error.retryable,
    message: MESSAGES[reason] ?? error.message,
  });
}
