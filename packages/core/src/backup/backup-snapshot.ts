import type { BackupKitError } from '../errors.js';
import type { BackupMethod, MpcStatus } from '../portal/portal-like.js';

/**
 * The states of a backup, also written on the DOM as data-state. `checking`: a PASSKEY backup
 * whose code is still loading (its trigger waits, so no click waits for a download).
 */
export type BackupState = 'checking' | 'idle' | 'backing-up' | 'storing' | 'notifying' | 'success' | 'error';

/** Who keeps the encrypted client backup share: Portal, or the app through a BackupStorage. */
export type StorageMode = 'portal' | 'self';

/**
 * What a backup looks like right now. A discriminated union on `state`: `status` exists only
 * while backing up, `error` only in the error state. It never holds the cipherText or the
 * password, so it is safe to render, log or put in devtools.
 */
export type BackupSnapshot =
  | { state: 'checking'; method: BackupMethod }
  | { state: 'idle'; method: BackupMethod }
  | { state: 'backing-up'; method: BackupMethod; status: MpcStatus | null }
  | { state: 'storing'; method: BackupMethod }
  | { state: 'notifying'; method: BackupMethod }
  | { state: 'success'; method: BackupMethod; storage: StorageMode }
  | { state: 'error'; method: BackupMethod; error: BackupKitError };
