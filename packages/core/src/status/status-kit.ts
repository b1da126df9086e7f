import { toBackupKitError } from '../errors.js';
import { createStore } from '../internal/store.js';
import { getBackupStatus } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';

/**
 * What the lazy status chunk (backup-status-store.ts) uses of the eager code, handed to it when it
 * loads; see backup-kit.ts for why a lazy chunk imports none of it itself.
 */
export const statusKit = { toBackupKitError, createStore, getBackupStatus, getPortalFacade };

export type StatusKit = typeof statusKit;
