import { BackupKitError, toBackupKitError } from '../../errors.js';
import { anySignal } from '../../internal/any-signal.js';
import { backupWallet } from '../../portal/portal-calls.js';

/**
 * What the direct passkey path uses from the rest of core. The loader hands it over instead of
 * the path importing it, so the lazily loaded chunk shares no module with the eager code: a
 * shared module would make bundlers split it into a chunk of its own, which every app then
 * loads up front as a second file (esbuild does so even when the import() itself is tree-shaken).
 */
export interface DirectPathKit {
  BackupKitError: typeof BackupKitError;
  toBackupKitError: typeof toBackupKitError;
  anySignal: typeof anySignal;
  backupWallet: typeof backupWallet;
}

export const directPathKit: DirectPathKit = { BackupKitError, toBackupKitError, anySignal, backupWallet };

/** The kit's direct path, loaded on first use: its chunk pulls in @simplewebauthn/browser. */
export const loadDirectPath = () => import('./create-direct-path.js').then((m) => m.createDirectPath(directPathKit));
