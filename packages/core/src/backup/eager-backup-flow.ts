import type { PortalLike } from '../portal/portal-like.js';
import { makeBackupFlow, type BackupFlow, type BackupFlowOptions } from './backup-flow.js';
import { coreKit } from '../internal/core-kit.js';

/** The backup flow with its code already here (tests); the package exports the lazy one. */
export function createBackupFlow(portal: PortalLike, options: BackupFlowOptions): BackupFlow {
  return makeBackupFlow(coreKit, portal, options);
}
