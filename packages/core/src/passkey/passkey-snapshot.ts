import type { BackupKitError } from '../errors.js';
import type { BackupMethod, MpcStatus } from '../portal/portal-like.js';
import type { StorageMode } from '../backup/backup-snapshot.js';

/** How the passkey backup runs; see createPasskeyFlow. */
export type PasskeyPath = 'seed' | 'sdk' | 'direct';

export type PasskeyState =
  | 'checking'
  | 'unsupported'
  | 'idle'
  | 'registering'
  | 'backing-up'
  | 'storing'
  | 'notifying'
  | 'success'
  | 'cancelled'
  | 'error';

/**
 * A passkey backup right now. `cancelled` is its own state (the user closed the prompt or it
 * timed out): a normal outcome to retry, not a failure. Invalid options are an `error` whose
 * code is PASSKEY_OPTIONS_INVALID and whose `details.issues` lists every problem.
 */
export type PasskeySnapshot =
  | { state: 'checking' }
  | { state: 'unsupported' }
  | { state: 'idle'; registered: boolean }
  | { state: 'registering' }
  | { state: 'backing-up'; status: MpcStatus | null }
  | { state: 'storing' }
  | { state: 'notifying' }
  | { state: 'success'; method: BackupMethod; storage: StorageMode }
  | { state: 'cancelled'; error: BackupKitError }
  | { state: 'error'; error: BackupKitError };
