/**
 * Every failure the kit reports is a BackupKitError: one class with a stable `code`, the
 * `stage` of the flow it happened in, and a human message chosen by code. The message is
 * ours, never copied from the cause, so no secret can leak through it.
 */
import type { PasskeyFailureReason } from './passkey/passkey-failure.js';

export type BackupKitErrorCode =
  | 'SSR_UNSUPPORTED'
  | 'SDK_NOT_INSTALLED'
  | 'PORTAL_NOT_READY'
  | 'PORTAL_INIT_FAILED'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'BACKUP_IN_PROGRESS'
  | 'BACKUP_FAILED'
  | 'PASSWORD_INVALID'
  | 'WRONG_PASSWORD'
  | 'RECOVERY_FAILED'
  | 'NO_BACKUP_FOUND'
  | 'STORAGE_FAILED'
  | 'NOTIFY_FAILED'
  | 'PASSKEY_UNSUPPORTED'
  | 'PASSKEY_CANCELLED'
  | 'PASSKEY_OPTIONS_INVALID'
  | 'PASSKEY_FAILED'
  | 'NOT_SUPPORTED'
  | 'EXPORT_REFUSED'
  | 'EXPORT_FAILED'
  | 'UNKNOWN';

export type BackupKitStage =
  | 'initializing'
  | 'backing-up'
  | 'storing'
  | 'notifying'
  | 'loading'
  | 'recovering'
  | 'passkey'
  | 'validating'
  | 'status'
  | 'exporting';

const MESSAGES: Record<BackupKitErrorCode, string> = {
  SSR_UNSUPPORTED: 'Portal can only be started in a browser.',
  SDK_NOT_INSTALLED: 'The Portal SDK (@portal-hq/web) could not be loaded. Is it installed?',
  PORTAL_NOT_READY: 'Portal did not become ready in time. Check your connection and try again.',
  PORTAL_INIT_FAILED: 'Portal could not start. Check the API key and the Portal host.',
  TIMEOUT: 'This is taking too long. Please try again.',
  ABORTED: 'The operation was cancelled.',
  BACKUP_IN_PROGRESS: 'A backup is already running for this wallet.',
  BACKUP_FAILED: 'The wallet could not be backed up. Please try again.',
  PASSWORD_INVALID: 'That password does not meet the requirements.',
  WRONG_PASSWORD: 'That password does not unlock this backup. Check it and try again.',
  RECOVERY_FAILED: 'The wallet could not be recovered. Please try again.',
  NO_BACKUP_FOUND: 'No backup was found for this method.',
  STORAGE_FAILED: 'The backup could not be saved. Nothing was lost; please try again.',
  NOTIFY_FAILED: 'The backup was saved, but Portal could not be told. Please try again.',
  PASSKEY_UNSUPPORTED: 'This browser does not support passkeys.',
  PASSKEY_CANCELLED: 'The passkey prompt was cancelled or timed out.',
  PASSKEY_OPTIONS_INVALID: 'The passkey settings are not valid for this site.',
  PASSKEY_FAILED: 'The passkey could not be used. Please try again.',
  NOT_SUPPORTED: 'This is not supported by the Portal SDK in use.',
  EXPORT_REFUSED: 'Exporting this wallet is not allowed right now. Sign in again and retry.',
  EXPORT_FAILED: 'The wallet could not be exported. Please try again.',
  UNKNOWN: 'Something went wrong. Please try again.',
};

/** Codes that no retry can fix; every other failure is worth another try. */
const FINAL = new Set<BackupKitErrorCode>([
  'SSR_UNSUPPORTED',
  'SDK_NOT_INSTALLED',
  'PORTAL_INIT_FAILED',
  'PASSWORD_INVALID',
  'NO_BACKUP_FOUND',
  'PASSKEY_UNSUPPORTED',
  'PASSKEY_OPTIONS_INVALID',
  'NOT_SUPPORTED',
]);

/** The default human message for a code; components let apps override it through labels. */
export function messageFor(code: BackupKitErrorCode): string {
  return MESSAGES[code];
}

export interface BackupKitErrorInit {
  stage: BackupKitStage;
  /** The numeric or string code Portal reported, when the failure came from Portal. */
  portalCode?: number | string;
  retryable?: boolean;
  /** Overrides the default message; must never contain a secret. */
  message?: string;
  cause?: unknown;
  /** Extra structured facts, e.g. the list of invalid passkey options. */
  details?: unknown;
  /** Why a passkey ceremony failed, where the browser or Portal's passkey window said so. */
  reason?: PasskeyFailureReason;
}

export class BackupKitError extends Error {
  override readonly name = 'BackupKitError';
  // Declared, not defined: set in the constructor, and portalCode / details only when given.
  declare readonly code: BackupKitErrorCode;
  declare readonly stage: BackupKitStage;
  declare readonly portalCode?: number | string;
  declare readonly retryable: boolean;
  declare readonly details?: unknown;
  declare readonly reason?: PasskeyFailureReason;

  constructor(code: BackupKitErrorCode, init: BackupKitErrorInit) {
    super(init.message ?? MESSAGES[code], { cause: init.cause });
    this.code = code;
    this.stage = init.stage;
    if (init.portalCode !== undefined) this.portalCode = init.portalCode;
    this.retryable = init.retryable ?? !FINAL.has(code);
    if (init.details !== undefined) this.details = init.details;
    if (init.reason !== undefined) this.reason = init.reason;
  }
}

export function isBackupKitError(value: unknown): value is BackupKitError {
  return value instanceof BackupKitError;
}

/**
 * DOMException names (also kept by @simplewebauthn/browser's WebAuthnError). WebAuthn reports a
 * cancelled or timed-out prompt as NotAllowedError, and an RP ID the page may not use as
 * SecurityError.
 */
const CODE_BY_ERROR_NAME: Partial<Record<string, BackupKitErrorCode>> = {
  TimeoutError: 'TIMEOUT',
  AbortError: 'ABORTED',
  NotAllowedError: 'PASSKEY_CANCELLED',
  SecurityError: 'PASSKEY_OPTIONS_INVALID',
  NotSupportedError: 'PASSKEY_UNSUPPORTED',
  InvalidStateError: 'PASSKEY_FAILED',
};

/** Portal's decrypt error (PortalErrorCodes.FailedToDecryptCipher): a wrong password on recovery. */
const PORTAL_DECRYPT_CODES = new Set<number | string>([407, '407']);

/**
 * The SDK's own pre-flight checks on backupWallet(PASSWORD) throw plain Errors: "Password
 * storage config is required", "Password is required", "Password must be at least 4 characters".
 */
const SDK_PASSWORD_CHECK = /^Password (storage config is required|is required|must be at least 4 characters)$/;

/**
 * Turns anything thrown by the SDK, a storage call or the kit itself into a BackupKitError.
 * Portal's errors are duck-typed ({ code, message }): the SDK does not export its error class.
 */
export function toBackupKitError(
  error: unknown,
  stage: BackupKitStage,
  fallback: BackupKitErrorCode = 'UNKNOWN',
): BackupKitError {
  // A BackupKitError already says where it happened (e.g. PORTAL_NOT_READY while initializing).
  if (error instanceof BackupKitError) return error;
  const byName = CODE_BY_ERROR_NAME[String((error as { name?: unknown } | null | undefined)?.name)];
  if (byName) return new BackupKitError(byName, { stage, cause: error });

  const portalCode = readPortalCode(error);
  let code = fallback;
  // Portal's passkey window reports string codes: a closed or refused prompt is PASSKEY_CANCELLED;
  // any other (PASSKEY_POPUP_NOT_OPENED, PASSKEY_FAILED) means the passkey could not be used.
  if (typeof portalCode === 'string' && portalCode.startsWith('PASSKEY_')) {
    code = portalCode === 'PASSKEY_CANCELLED' ? 'PASSKEY_CANCELLED' : 'PASSKEY_FAILED';
  } else if (portalCode !== undefined) {
    if ((stage === 'recovering' || stage === 'exporting') && PORTAL_DECRYPT_CODES.has(portalCode))
      code = 'WRONG_PASSWORD';
  } else if (error instanceof Error && SDK_PASSWORD_CHECK.test(error.message)) {
    code = 'PASSWORD_INVALID';
  }
  return new BackupKitError(code, { stage, portalCode, cause: error });
}

/** The `code` Portal puts on its errors: a number, or a string such as PASSKEY_CANCELLED. */
export function readPortalCode(error: unknown): number | string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'number' || typeof code === 'string' ? code : undefined;
}
