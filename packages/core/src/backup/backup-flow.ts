import { BackupKitError, toBackupKitError } from '../errors.js';
import { backupWallet, reportStored } from '../portal/portal-calls.js';
import { withDeadline } from '../internal/deadline.js';
import { createStore, type ReadableStore } from '../internal/store.js';
import { getPortalFacade, type PortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod, MpcStatus, PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import { isBusy } from '../view/connect-flow.js';
import type { BackupSnapshot, StorageMode } from './backup-snapshot.js';
import type { PendingShare, resumeShare } from './share-steps.js';

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
  readonly facade: PortalFacade;
}

/**
 * The steps after the MPC backup when the app stores the share, loaded once on first need: a
 * flow with a storage preloads them when it is given one, so nothing is downloaded after a
 * click. A failed load is not kept; the next attempt loads again.
 */
let shareSteps: Promise<{ resumeShare: typeof resumeShare }> | undefined;
function loadShareSteps() {
  if (!shareSteps) {
    const loading = import('./share-steps.js');
    shareSteps = loading;
    loading.catch(() => {
      if (shareSteps === loading) shareSteps = undefined;
    });
  }
  return shareSteps;
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
export function createBackupFlow(portal: PortalLike, initialOptions: BackupFlowOptions): BackupFlow {
  const facade = getPortalFacade(portal);
  let options = initialOptions;
  const store = createStore<BackupSnapshot>({ state: 'idle', method: options.method });
  const owner = {};
  let running: Promise<BackupSnapshot> | undefined;
  let pending: PendingShare | undefined;

  const set = (next: BackupSnapshot) => store.set(next);

  function guarded(work: (signal: AbortSignal | undefined) => Promise<void>, input: BackupStartInput) {
    if (running) return running;
    if (!facade.tryLockBackup(owner)) {
      fail(new BackupKitError('BACKUP_IN_PROGRESS', { stage: 'backing-up' }));
      return Promise.resolve(store.getSnapshot());
    }
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

  async function backUp(password: string | undefined, signal: AbortSignal | undefined) {
    const method = options.method;
    pending = undefined;
    set({ state: 'backing-up', method, status: null });
    const onProgress = (status: MpcStatus) => {
      if (store.getSnapshot().state !== 'backing-up') return;
      set({ state: 'backing-up', method, status });
      options.onProgress?.({ status });
    };
    let produced: ProducedBackup;
    try {
      produced = options.produce
        ? await withDeadline(options.produce({ facade, method, signal, onProgress }), {
            timeoutMs: options.timeouts?.backupMs,
            signal,
            stage: 'backing-up',
          })
        : await backupWallet(facade, { method, password, signal, onProgress, timeoutMs: options.timeouts?.backupMs });
    } catch (error) {
      fail(toBackupKitError(error, 'backing-up', 'BACKUP_FAILED'));
      return;
    }
    if (!options.storage) return finish(method, 'portal');
    pending = {
      method,
      portalMethod: produced.portalMethod ?? method,
      cipherText: produced.cipherText,
      pairIds: produced.backupSharePairIds,
      storageCallback: produced.storageCallback,
      called: false,
      reported: false,
      next: 'store',
    };
    await resume(pending, signal);
  }

  /** Stores and notifies, or only notifies when the share is stored already. */
  async function resume(share: PendingShare, signal: AbortSignal | undefined) {
    const storage = options.storage;
    if (!storage) return finish(share.method, 'portal');
    if (share.next === 'store') set({ state: 'storing', method: share.method });
    const storeFailed = async (error: BackupKitError) => {
      share.next = 'store';
      options.onStoreFailed?.({ backupMethod: share.method, error });
      // Promise 2: Portal hears false exactly once for this attempt, even if telling it fails.
      await reportStored(facade, false, share.portalMethod, { timeoutMs: options.timeouts?.notifyMs }).catch(() => {});
      fail(error);
    };
    let steps: { resumeShare: typeof resumeShare };
    try {
      // Preloaded with the storage; only a load that failed then is waited for here. Once loaded,
      // it stays loaded, so a share waiting only for its notification never gets here to fail.
      steps = await withDeadline(loadShareSteps(), {
        timeoutMs: options.timeouts?.storeMs ?? 15_000,
        signal,
        stage: 'storing',
      });
    } catch (cause) {
      // Nothing was saved: a failed storage attempt like any other, retried with the same cipherText.
      return storeFailed(toBackupKitError(cause, 'storing', 'STORAGE_FAILED'));
    }
    const context = { facade, storage, options, signal, set, fail, storeFailed };
    const kit = { BackupKitError, toBackupKitError, withDeadline, reportStored };
    if (!(await steps.resumeShare(share, { ...context, ...kit }))) return;
    pending = undefined;
    finish(share.method, 'self');
  }

  function finish(method: BackupMethod, storage: StorageMode) {
    set({ state: 'success', method, storage });
    options.onSuccess?.({ backupMethod: method, storage });
  }

  function start(input: BackupStartInput = {}) {
    return guarded((signal) => backUp(input.password, signal), input);
  }

  function retry(input: BackupStartInput = {}) {
    if (running) return running;
    const share = pending;
    if (store.getSnapshot().state !== 'error' || !share) return start(input);
    return guarded((signal) => resume(share, signal), input);
  }

  function reset() {
    if (running || isBusy(store.getSnapshot())) return;
    pending = undefined;
    set({ state: 'idle', method: options.method });
  }

  function setOptions(next: BackupFlowOptions) {
    options = next;
    preload();
    const snapshot = store.getSnapshot();
    if (snapshot.state === 'idle' && snapshot.method !== next.method) set({ state: 'idle', method: next.method });
  }

  function preload() {
    if (options.storage) loadShareSteps().catch(() => {});
  }

  preload();
  return { facade, subscribe: store.subscribe, getSnapshot: store.getSnapshot, start, retry, reset, setOptions };
}
