/**
 * `@backup-kit/core/portal`: the safe way to call Portal yourself — one facade per Portal instance
 * (ready-wait, time limits, signals, queues, typed errors) and one function per SDK call over it.
 * Not in the main entry: the kit's flows use them only from their lazy chunks (see
 * internal/core-kit.ts), and a module the main entry reached would be moved into every app's
 * eager code by esbuild.
 */
import { coreKit } from './internal/core-kit.js';
import { getPortalFacade as facadeFor, type PortalFacade } from './portal/portal-facade.js';
import type { PortalLike } from './portal/portal-like.js';
import type { PortalTimeouts } from './portal/portal-watch.js';

/**
 * The facade for a Portal instance, created once per instance and shared by every component on
 * it (the same call queues and backup lock). The first facade fixes its time limits: `timeouts`,
 * else those given to configurePortalTimeouts (the provider's), else the defaults.
 */
export function getPortalFacade(portal: PortalLike, timeouts?: PortalTimeouts): PortalFacade {
  return facadeFor(portal, coreKit, timeouts);
}

export type { CallOptions, CallSpec, PortalFacade } from './portal/portal-facade.js';
export type { PortalTimeouts } from './portal/portal-watch.js';
export {
  backupWallet,
  clearLocalWallet,
  createWallet,
  doesWalletExist,
  getBackupStatus,
  isWalletOnDevice,
  recoverWallet,
  reportStored,
  type BackupCallOptions,
  type BackupStatusSummary,
  type MpcCallOptions,
  type RecoverCallOptions,
} from './portal/portal-calls.js';
export { exportPrivateKeys, type ExportCallOptions, type ExportedKeys } from './export/export-calls.js';
