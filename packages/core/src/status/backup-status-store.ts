import type { BackupKitError } from '../errors.js';
import type { ReadableStore } from '../internal/store.js';
import type { BackupMethod, PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import type { CoreKit } from '../internal/core-kit.js';
import { getBackupStatus } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';

// A lazy chunk (see lazy-backup-status-store.ts): it imports nothing the eager code has (only
// types and lazy-only modules); what it uses of the rest of core comes in as `kit` (core-kit.ts).

/**
 * The storage cross-check, loaded only by a status that has a storage (when it is given, before
 * any read). A load that fails flags nothing, as a failed read does; the next refresh loads again.
 */
const loadMissingShares = () => import('./missing-shares.js');
const preload = (storage: BackupStorage | undefined) => void (storage && loadMissingShares().catch(() => {}));

/** Which methods the wallet is backed up with, as last read from Portal. */
export type BackupStatusSnapshot =
  | { state: 'loading' }
  | {
      state: 'ready';
      methods: BackupMethod[];
      hasWallet: boolean;
      /** Methods Portal counts as completed whose share the app's storage does not hold. */
      missing?: BackupMethod[];
      /** When the wallet's private keys were exported (eject); absent when never. */
      ejectedAt?: string;
    }
  | { state: 'error'; error: BackupKitError };

export interface BackupStatusStore extends ReadableStore<BackupStatusSnapshot> {
  /** Reads the status again; when reads overlap, the last one started wins. */
  refresh(): Promise<BackupStatusSnapshot>;
  /** The app's storage to cross-check completed self-managed backups against (read on refresh). */
  setStorage(storage: BackupStorage | undefined): void;
}

export interface BackupStatusStoreOptions {
  /** With a storage that can `load`, every completed method's share must be found there. */
  storage?: BackupStorage | undefined;
}

/**
 * The wallet's backup status as a store: the methods with a completed backup pair (the rule of
 * the SDK's availableRecoveryMethods()) and whether there is a wallet. It starts `loading` and
 * reads nothing until `refresh()` is called.
 */
export function makeBackupStatusStore(
  kit: CoreKit,
  portal: PortalLike,
  options: BackupStatusStoreOptions = {},
): BackupStatusStore {
  const { createStore, toBackupKitError } = kit;
  let storage = options.storage;
  preload(storage);
  const facade = getPortalFacade(portal, kit);
  const store = createStore<BackupStatusSnapshot>({ state: 'loading' });
  let latest = 0;
  let newest: Promise<BackupStatusSnapshot>;

  function refresh() {
    const read = ++latest;
    store.set({ state: 'loading' });
    newest = getBackupStatus(facade)
      .then(
        async (summary): Promise<BackupStatusSnapshot> => {
          // getClient's whole answer is for the storage check only, not the snapshot.
          const { client: _client, ...status } = summary;
          return storage
            ? {
                state: 'ready',
                ...status,
                missing: await loadMissingShares().then(
                  ({ findMissingShares }) => findMissingShares(summary, storage, AbortSignal.timeout(15_000)),
                  () => [],
                ),
              }
            : { state: 'ready', ...status };
        },
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

  const setStorage = (next: BackupStorage | undefined) => preload((storage = next));

  return { subscribe: store.subscribe, getSnapshot: store.getSnapshot, refresh, setStorage };
}
