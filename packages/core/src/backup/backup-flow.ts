import type { BackupKitError } from '../errors.js';
import type { ReadableStore } from '../internal/store.js';
import type { PortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod, MpcStatus, PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import type { CoreKit } from '../internal/core-kit.js';
import { getPortalFacade } from '../portal/portal-facade.js';
import type { BackupSnapshot, StorageMode } from './backup-snapshot.js';
import { backUp, resume, type BackupRunContext, type PendingShare } from './backup-run.js';

// A lazy chunk (see lazy-backup-flow.ts): it imports nothing the eager code has (only types and
// lazy-only modules); what it uses of the rest of core comes in as `kit` (core-kit.ts).

export interface BackupCallbacks {
  onProgress?: (details: { status: MpcStatus }) => void;
  /** The app's storage accepted the cipherText (self-managed only). */
  onStored?: (details: { backupMethod: BackupMethod }) => void;
  /** The app's storage failed; Portal has been told false. */
  onStoreFailed?: (details: { backupMethod: BackupMethod; error: BackupKitError }) => void;
  onSuccess?: (details: { backupMethod: BackupMethod; storage: StorageMode }) => void;
  onError?: (error: BackupKitError) => void;
}

export interface BackupFlowOptions extends BackupCallbacks {
  method: BackupMethod;
  /** Self-managed backups: where the cipherText goes. Absent: Portal keeps it (Portal-managed). */
  storage?: BackupStorage | undefined;
  timeouts?: {
    /** Time limit for storage.save. @default 15000 */
    storeMs?: number;
    /** Time limit for each storedClientBackupShare call. @default 30000 */
    notifyMs?: number;
    /** Time limit for the MPC backup itself. @default the facade's (180000) */
    backupMs?: number;
  };
  /**
   * Produces the cipherText instead of portal.backupWallet (the passkey paths use this).
   * It must resolve with a cipherText the app can store, or reject. `portalMethod` is the
   * method Portal made the backup with, when it is not `method` (it is the one Portal is told).
   */
  produce?: (context: ProduceContext) => Promise<ProducedBackup>;
}

export interface ProducedBackup {
  cipherText: string;
  portalMethod?: BackupMethod;
  /** 3.4.1's callback that marks the backup pairs stored; called once the share is stored and verified. */
  storageCallback?: (() => Promise<void>) | undefined;
  backupSharePairIds?: string[] | undefined;
}

export interface ProduceContext {
  facade: PortalFacade;
  method: BackupMethod;
  signal: AbortSignal | undefined;
  onProgress: (status: MpcStatus) => void;
}

export interface BackupStartInput {
  /** PASSWORD backups: Portal encrypts the backup share with it. It is not kept after use. */
  password?: string;
  signal?: AbortSignal;
}

export interface BackupFlow extends ReadableStore<BackupSnapshot> {
  /** Runs a new backup. While one runs, returns the running one (double clicks are harmless). */
  start(input?: BackupStartInput): Promise<BackupSnapshot>;
  /**
   * Continues after an error from where it failed: a storage failure stores the same
   * cipherText again (no new MPC backup), a failed notification only notifies again.
   * An MPC failure runs the backup again (PASSWORD needs the password again).
   */
  retry(input?: BackupStartInput): Promise<BackupSnapshot>;
  /** Back to idle and forgets an unstored cipherText. Ignored while a backup runs. */
  reset(): void;
  /** Replaces options (callbacks, storage, method) without losing the state. */
  setOptions(options: BackupFlowOptions): void;
}

/**
 * The backup flow as a store. It keeps DESIGN.md's promises:
 * 1. storedClientBackupShare(true) and storageCallback only after storage.save resolved for that
 *    exact cipherText and, where the storage can load, the share read back compared equal;
 * 2. a save that rejects, times out or is aborted makes exactly one storedClientBackupShare(false);
 * 3. one verdict per storage attempt, never both, never twice;
 * 4. a retry after a storage failure stores the same cipherText; a failed notification
 *    retries only the notification;
 * 5. one backup at a time per Portal instance (the facade's lock), double clicks included;
 * 6. the cipherText and password never enter the snapshot, a message or a callback;
 * 7. the flow does not depend on any subscriber: unsubscribing mid-flow changes nothing.
 */
export function makeBackupFlow(kit: CoreKit, portal: PortalLike, initialOptions: BackupFlowOptions): BackupFlow {
  const { BackupKitError, createStore, isBusy } = kit;
  const facade = getPortalFacade(portal, kit);
  let options = initialOptions;
  const store = createStore<BackupSnapshot>({ state: 'idle', method: options.method });
  const owner = {};
  let running: Promise<BackupSnapshot> | undefined;
  let pending: PendingShare | undefined;

  const set = (next: BackupSnapshot) => store.set(next);

  // The flow's state as the run sees it; the rest of core is handed over, not imported there.
  const context: BackupRunContext = {
    facade,
    get options() {
      return options;
    },
    get pending() {
      return pending;
    },
    set pending(share) {
      pending = share;
    },
    state: () => store.getSnapshot().state,
    set,
    fail,
    ...kit,
  };

  function guarded(
    work: (signal: AbortSignal | undefined) => Promise<void>,
    input: BackupStartInput,
    begin?: () => void,
  ) {
    if (running) return running;
    if (!facade.tryLockBackup(owner)) {
      fail(new BackupKitError('BACKUP_IN_PROGRESS', { stage: 'backing-up' }));
      return Promise.resolve(store.getSnapshot());
    }
    begin?.();
    running = work(input.signal)
      .finally(() => {
        facade.unlockBackup(owner);
        running = undefined;
      })
      .then(() => store.getSnapshot());
    return running;
  }

  function fail(error: BackupKitError) {
    set({ state: 'error', method: options.method, error });
    options.onError?.(error);
  }

  function start(input: BackupStartInput = {}) {
    const method = options.method;
    return guarded(
      (signal) => backUp(context, method, input.password, signal),
      input,
      () => {
        // At once, inside the caller's click (one React commit with it), not once the run is in.
        pending = undefined;
        set({ state: 'backing-up', method, status: null });
      },
    );
  }

  function retry(input: BackupStartInput = {}) {
    if (running) return running;
    const share = pending;
    if (store.getSnapshot().state !== 'error' || !share) return start(input);
    return guarded((signal) => resume(context, share, signal), input);
  }

  function reset() {
    if (running || isBusy(store.getSnapshot())) return;
    pending = undefined;
    set({ state: 'idle', method: options.method });
  }

  function setOptions(next: BackupFlowOptions) {
    options = next;
    const snapshot = store.getSnapshot();
    if (snapshot.state === 'idle' && snapshot.method !== next.method) set({ state: 'idle', method: next.method });
  }

  return { subscribe: store.subscribe, getSnapshot: store.getSnapshot, start, retry, reset, setOptions };
}
