import { BackupKitError, toBackupKitError } from '../errors.js';
import { withDeadline } from '../internal/deadline.js';
import { createStore } from '../internal/store.js';
import { backupWallet, reportStored } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';
import { isBusy } from '../view/connect-flow.js';

/**
 * What the lazy backup chunk (backup-flow.ts with backup-run.ts) uses of the eager code, handed
 * to it when it loads. A lazy chunk that imported these itself would make esbuild move them into
 * a shared chunk that every app loads up front, whichever component it uses.
 */
export const backupKit = {
  BackupKitError,
  toBackupKitError,
  withDeadline,
  backupWallet,
  reportStored,
  createStore,
  getPortalFacade,
  isBusy,
};

export type BackupKit = typeof backupKit;
