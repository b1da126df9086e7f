import { BackupKitError, toBackupKitError } from '../errors.js';
import { withDeadline } from '../internal/deadline.js';
import { createStore } from '../internal/store.js';
import { loadDirectPath } from '../passkey/direct/direct-path-kit.js';
import { createPasskeyOptionsCheckCache, pageOriginOf } from '../passkey/passkey-options-check-cache.js';
import { openPasskeyWindow } from '../passkey/passkey-window.js';
import { getBackupStatus, recoverWallet } from '../portal/portal-calls.js';
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
  loadDirectPath,
  openPasskeyWindow,
  createPasskeyOptionsCheckCache,
  pageOriginOf,
};

export type RecoveryKit = typeof recoveryKit;
