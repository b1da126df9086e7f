import { BackupKitError, toBackupKitError } from '../errors.js';
import { withDeadline } from '../internal/deadline.js';
import { createStore } from '../internal/store.js';
import { backupWallet, getBackupStatus, recoverWallet } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';

/**
 * What the lazy recovery chunk (recovery-flow.ts) uses of the eager code, handed to it when it
 * loads. A lazy chunk that imported these itself would make esbuild move them into a shared
 * chunk that every app loads up front, whichever component it uses.
 */
export const recoveryKit = {
  BackupKitError,
  toBackupKitError,
  getBackupStatus,
  recoverWallet,
  withDeadline,
  createStore,
  getPortalFacade,
  // For the direct passkey path, which recovery loads in turn (direct-path-kit.ts).
  backupWallet,
};

export type RecoveryKit = typeof recoveryKit;
