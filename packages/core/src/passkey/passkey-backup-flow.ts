import type { BackupFlowOptions, BackupStartInput } from '../backup/backup-flow.js';
import type { BackupSnapshot } from '../backup/backup-snapshot.js';
import { createLazyFlow, type LazyFlowShape } from '../internal/lazy-flow.js';
import type { PasskeyOptions, PortalLike } from '../portal/portal-like.js';
import type { PasskeyFlowOptions } from './passkey-flow.js';
import { coreKit } from '../internal/core-kit.js';
import type { PasskeyWindowOptions } from './passkey-window.js';

export interface PasskeyBackupFlowOptions
  extends Omit<BackupFlowOptions, 'method' | 'produce'>, Pick<PasskeyFlowOptions, 'isSupported' | 'loadDirectPath'> {
  /** The custom-domain options. Without them the backup runs on the Portal's own passkey config. */
  passkey?: PasskeyOptions | undefined;
  /** Portal's passkey window (the SDK's path), opened inside the click. */
  passkeyWindow?: PasskeyWindowOptions | undefined;
  /** @default window.location.origin */
  pageOrigin?: string | undefined;
}

/** A backup flow's shape without the facade: what a button needs. */
export type PasskeyBackupFlow = LazyFlowShape<BackupSnapshot, PasskeyBackupFlowOptions, BackupStartInput>;

/**
 * A PASSKEY backup shown as a backup (BackupButton, useBackup): with passkey options it is
 * PasskeySetup's own flow (the options checked before anything, the same choice of path), else
 * 3.4.1's backupWallet(PASSKEY) on the Portal's own config. Its code is a lazy chunk loaded when
 * the flow is made (the component mounts); it loads the direct path's code in turn when the
 * options call for it, so nothing downloads between the click and the prompt.
 */
export function createPasskeyBackupFlow(portal: PortalLike, options: PasskeyBackupFlowOptions): PasskeyBackupFlow {
  coreKit.watchPortal(portal);
  return createLazyFlow<BackupSnapshot, PasskeyBackupFlowOptions, BackupStartInput>(
    () =>
      import('./passkey-backup-adapter.js').then(
        ({ adaptPasskeyBackup }) =>
          (next: PasskeyBackupFlowOptions) =>
            adaptPasskeyBackup(coreKit, portal, next),
      ),
    options,
    { state: 'checking', method: 'PASSKEY' },
    (error): BackupSnapshot => ({ state: 'error', method: 'PASSKEY', error }),
    'backing-up',
  );
}
