import { toBackupKitError, type BackupKitError } from '../errors.js';
import { createStore, type ReadableStore } from '../internal/store.js';
import { getBackupStatus } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod, PortalLike } from '../portal/portal-like.js';

/** Which methods the wallet is backed up with, as last read from Portal. */
export type BackupStatusSnapshot =
  | { state: 'loading' }
  | { state: 'ready'; methods: BackupMethod[]; hasWallet: boolean }
  | { state: 'error'; error: BackupKitError };

export interface BackupStatusStore extends ReadableStore<BackupStatusSnapshot> {
  /** Reads the status again; when reads overlap, the last one started wins. */
  refresh(): Promise<BackupStatusSnapshot>;
}

/**
 * The wallet's backup status as a store: the methods with a completed backup pair (the rule of
 * the SDK's availableRecoveryMethods()) and whether there is a wallet. It starts `loading` and
 * reads nothing until `refresh()` is called.
 */
export function createBackupStatusStore(portal: PortalLike): BackupStatusStore {
  const facade = getPortalFacade(portal);
  const store = createStore<BackupStatusSnapshot>({ state: 'loading' });
  let latest = 0;
  let newest: Promise<BackupStatusSnapshot>;

  function refresh() {
    const read = ++latest;
    store.set({ state: 'loading' });
    newest = getBackupStatus(facade)
      .then(
        (summary): BackupStatusSnapshot => ({ state: 'ready', ...summary }),
        (error: unknown): BackupStatusSnapshot => ({ state: 'error', error: toBackupKitError(error, 'status') }),
      )
      .then((next) => {
        // An older read that settles late must not replace a newer one; it answers with the newer.
        if (read !== latest) return newest;
        store.set(next);
        return next;
      });
    return newest;
  }

  return { subscribe: store.subscribe, getSnapshot: store.getSnapshot, refresh };
}
