import type { BackupKitError, toBackupKitError } from '../errors.js';
import type { withDeadline } from '../internal/deadline.js';
import type { PortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod, MpcStatus } from '../portal/portal-like.js';
import type { BackupFlowOptions, ProducedBackup } from './backup-flow.js';
import type { BackupSnapshot, StorageMode } from './backup-snapshot.js';
import { backupWallet, reportStored } from '../portal/portal-calls.js';
import { pendingPairIds } from './pending-pair-ids.js';

/**
 * What a backup does once started: the MPC backup (or the producer's), then, for self-managed
 * backups, store the share, read it back and tell Portal. Part of backup-flow's lazy chunk (see
 * lazy-backup-flow.ts). The flow hands over what it needs from the rest of core: importing it
 * here would make bundlers split the shared code into a chunk of its own that every app loads up front.
 */

/** A made backup that is not yet both stored and reported: kept so retries reuse it. */
export interface PendingShare {
  /** The method the app stores the share under. */
  method: BackupMethod;
  /** The method Portal knows the backup by (differs on the passkey direct path). */
  portalMethod: BackupMethod;
  cipherText: string;
  /** The backup share pair ids, stored beside the cipherText (seed 000); looked up when the producer gave none. */
  pairIds: string[] | undefined;
  storageCallback: (() => Promise<void>) | undefined;
  /** What of the notification already succeeded for this attempt (each at most once). */
  called: boolean;
  reported: boolean;
  /** Where a retry resumes. */
  next: 'store' | 'notify';
}

/** The flow's state and what the run uses from the rest of core. */
export interface BackupRunContext {
  facade: PortalFacade;
  /** The flow's latest options (setOptions may replace them while a backup runs). */
  readonly options: BackupFlowOptions;
  pending: PendingShare | undefined;
  state(): BackupSnapshot['state'];
  set(next: BackupSnapshot): void;
  fail(error: BackupKitError): void;
  BackupKitError: typeof BackupKitError;
  toBackupKitError: typeof toBackupKitError;
  withDeadline: typeof withDeadline;
}

/** The flow has set `backing-up` (and forgotten any pending share) as the start began. */
export async function backUp(
  flow: BackupRunContext,
  method: BackupMethod,
  password: string | undefined,
  signal: AbortSignal | undefined,
) {
  const { options, facade } = flow;
  const onProgress = (status: MpcStatus) => {
    if (flow.state() !== 'backing-up') return;
    flow.set({ state: 'backing-up', method, status });
    flow.options.onProgress?.({ status });
  };
  let produced: ProducedBackup;
  try {
    produced = options.produce
      ? await flow.withDeadline(options.produce({ facade, method, signal, onProgress }), {
          timeoutMs: options.timeouts?.backupMs,
          signal,
          stage: 'backing-up',
        })
      : await backupWallet(facade, {
          method,
          password,
          signal,
          onProgress,
          timeoutMs: options.timeouts?.backupMs,
        });
  } catch (error) {
    flow.fail(flow.toBackupKitError(error, 'backing-up', 'BACKUP_FAILED'));
    return;
  }
  if (!flow.options.storage) return finish(flow, method, 'portal');
  flow.pending = {
    method,
    portalMethod: produced.portalMethod ?? method,
    cipherText: produced.cipherText,
    pairIds: produced.backupSharePairIds,
    storageCallback: produced.storageCallback,
    called: false,
    reported: false,
    next: 'store',
  };
  await resume(flow, flow.pending, signal);
}

/** Stores and notifies, or only notifies when the share is stored already. */
export async function resume(flow: BackupRunContext, share: PendingShare, signal: AbortSignal | undefined) {
  if (!flow.options.storage) return finish(flow, share.method, 'portal');
  if ((share.next === 'notify' || (await store(flow, share, signal))) && (await notify(flow, share, signal))) {
    flow.pending = undefined;
    finish(flow, share.method, 'self');
  }
}

async function store(flow: BackupRunContext, share: PendingShare, signal: AbortSignal | undefined) {
  const { options, facade } = flow;
  const storage = options.storage!;
  flow.set({ state: 'storing', method: share.method });
  // The storage gets its own signal, aborted as soon as we stop waiting for it (its time limit,
  // the caller's signal, a failure), so it can stop too.
  const attempt = new AbortController();
  try {
    // Read from getClient (3.4.1 hands backupWallet's ids only to storageCallback), for the
    // passkey paths too, under the method Portal knows the backup by; a producer may name them.
    share.pairIds ??= await pendingPairIds(facade, share.portalMethod, signal);
    const request = { backupMethod: share.method, signal: attempt.signal };
    const saving = Promise.resolve()
      .then(() => storage.save({ ...request, cipherText: share.cipherText, backupSharePairIds: share.pairIds }))
      // Seed 000, verify backups: read the share back where the storage can, before Portal hears true.
      .then(() => storage.load?.(request))
      .then((stored) => {
        if (stored !== undefined && stored !== share.cipherText) {
          throw new flow.BackupKitError('STORAGE_FAILED', { stage: 'storing', details: { reason: 'verify' } });
        }
      });
    await flow.withDeadline(saving, { timeoutMs: options.timeouts?.storeMs ?? 15_000, signal, stage: 'storing' });
  } catch (cause) {
    attempt.abort();
    const error = flow.toBackupKitError(cause, 'storing', 'STORAGE_FAILED');
    share.next = 'store';
    flow.options.onStoreFailed?.({ backupMethod: share.method, error });
    // Promise 2: Portal hears false exactly once for this attempt, even if telling it fails.
    await reportStored(facade, false, share.portalMethod, { timeoutMs: options.timeouts?.notifyMs }).catch(() => {});
    flow.fail(error);
    return false;
  }
  share.next = 'notify';
  share.called = share.reported = false;
  flow.options.onStored?.({ backupMethod: share.method });
  return true;
}

async function notify(flow: BackupRunContext, share: PendingShare, signal: AbortSignal | undefined) {
  const { options, facade } = flow;
  flow.set({ state: 'notifying', method: share.method });
  try {
    // 3.4.1's storageCallback and storedClientBackupShare both mark the pairs stored: each is
    // called at most once per stored attempt; a retry repeats only the one that failed.
    if (share.storageCallback && !share.called) {
      const callback = share.storageCallback;
      await flow.withDeadline(Promise.resolve().then(callback), {
        timeoutMs: options.timeouts?.notifyMs ?? 30_000,
        signal,
        stage: 'notifying',
      });
      share.called = true;
    }
    if (!share.reported) {
      await reportStored(facade, true, share.portalMethod, { signal, timeoutMs: options.timeouts?.notifyMs });
      share.reported = true;
    }
  } catch (cause) {
    flow.fail(flow.toBackupKitError(cause, 'notifying', 'NOTIFY_FAILED'));
    return false;
  }
  return true;
}

function finish(flow: BackupRunContext, method: BackupMethod, storage: StorageMode) {
  flow.set({ state: 'success', method, storage });
  flow.options.onSuccess?.({ backupMethod: method, storage });
}
