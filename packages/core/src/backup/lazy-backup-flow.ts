import { createLazyFlow } from '../internal/lazy-flow.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { BackupFlow, BackupFlowOptions, BackupStartInput } from './backup-flow.js';
import { coreKit } from '../internal/core-kit.js';
import type { BackupSnapshot } from './backup-snapshot.js';

/**
 * createBackupFlow as the package exports it: the flow's code (backup-flow.ts and backup-run.ts)
 * is a lazy chunk that loads as soon as the flow is made (a component's mount), so it is in before
 * any click. Until then the flow is `idle`; a start meanwhile waits for the chunk, then runs. A
 * chunk that fails to load is a retryable BACKUP_FAILED with nothing made and nothing told; the
 * retry loads it again and the next start runs the backup.
 */
export function createBackupFlow(portal: PortalLike, options: BackupFlowOptions): BackupFlow {
  coreKit.watchPortal(portal);
  return createLazyFlow<BackupSnapshot, BackupFlowOptions, BackupStartInput>(
    () =>
      import('./backup-flow.js').then(
        ({ makeBackupFlow }) =>
          (next) =>
            makeBackupFlow(coreKit, portal, next),
      ),
    options,
    { state: 'idle', method: options.method },
    (error) => ({ state: 'error', method: options.method, error }),
    'backing-up',
    'BACKUP_FAILED',
  );
}
