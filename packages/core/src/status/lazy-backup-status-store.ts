import { toBackupKitError } from '../errors.js';
import { createLazyStore } from '../internal/lazy-store.js';
import { loadOnce } from '../internal/load-once.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import type { BackupStatusSnapshot, BackupStatusStore, BackupStatusStoreOptions } from './backup-status-store.js';
import { coreKit } from '../internal/core-kit.js';

/** The status's code (backup-status-store.ts), one chunk for every store; a failed load is not kept. */
const loadStatusStore = loadOnce(() => import('./backup-status-store.js'));

/**
 * createBackupStatusStore as the package exports it: the store's code is a lazy chunk that loads
 * as soon as the store is made, while it shows `loading` — the state it starts in anyway, until
 * its first refresh. A chunk that fails to load is a retryable `error`; refresh loads it again.
 */
export function createBackupStatusStore(portal: PortalLike, options: BackupStatusStoreOptions = {}): BackupStatusStore {
  coreKit.watchPortal(portal);
  let storage = options.storage;
  const lazy = createLazyStore<BackupStatusSnapshot, BackupStatusStore>(
    () => loadStatusStore().then((code) => code.makeBackupStatusStore(coreKit, portal, { storage })),
    { state: 'loading' },
    (cause) => ({ state: 'error', error: toBackupKitError(cause, 'status') }),
  );
  return {
    subscribe: lazy.subscribe,
    getSnapshot: lazy.getSnapshot,
    refresh: () => lazy.whenLoaded((store) => store.refresh()),
    setStorage(next: BackupStorage | undefined) {
      storage = next;
      lazy.loaded()?.setStorage(next);
    },
  };
}
