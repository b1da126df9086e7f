import type { BackupKitError } from '../errors.js';
import type { BackupMethod, MpcStatus } from '../portal/portal-like.js';

/**
 * The states of a recovery, also written on the DOM as data-state: the snapshot's own, and two
 * that connectRecovery tells apart: `wrong-password` (an `error` whose code is WRONG_PASSWORD) and
 * `empty` (`idle` with no method to recover with).
 */
export type RecoveryState = RecoverySnapshot['state'] | 'wrong-password' | 'empty';

/**
 * A recovery right now. `methods` are the ones the wallet really has (completed backup pairs);
 * an empty list means there is nothing to recover from. No cipherText or password is kept.
 */
export type RecoverySnapshot =
  | { state: 'loading' }
  | { state: 'idle'; methods: BackupMethod[] }
  | { state: 'fetching'; method: BackupMethod }
  | { state: 'recovering'; method: BackupMethod; status: MpcStatus | null }
  | { state: 'success'; method: BackupMethod; address: string }
  | { state: 'error'; method: BackupMethod | undefined; methods: BackupMethod[]; error: BackupKitError };
