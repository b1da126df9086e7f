import type { BackupKitError, toBackupKitError } from '../../errors.js';
import type { backupWallet } from '../../portal/portal-calls.js';

/**
 * What the direct passkey path uses from the rest of core, handed over by whoever loads it (the
 * lazy passkey and recovery chunks pass on their own kit) instead of the path importing it: a
 * module shared with the eager code would make bundlers split it into a chunk of its own, which
 * every app then loads up front as a second file (esbuild does so even when the import() itself
 * is tree-shaken).
 */
export interface DirectPathKit {
  BackupKitError: typeof BackupKitError;
  toBackupKitError: typeof toBackupKitError;
  backupWallet: typeof backupWallet;
}

/** The kit's direct path, loaded on first use: its chunk pulls in @simplewebauthn/browser. */
export const loadDirectPath = (kit: DirectPathKit) =>
  import('./create-direct-path.js').then((m) => m.createDirectPath(kit));
