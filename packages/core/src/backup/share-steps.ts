import type { BackupKitError, toBackupKitError } from '../errors.js';
import type { withDeadline } from '../internal/deadline.js';
import type { reportStored } from '../portal/portal-calls.js';
import type { PortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import type { BackupFlowOptions } from './backup-flow.js';
import type { BackupSnapshot } from './backup-snapshot.js';
import { pendingPairIds } from './pending-pair-ids.js';

/**
 * What a self-managed backup does after Portal made the share: store it, read it back, tell
 * Portal. Loaded with import() once a backup has a storage (see backup-flow's loadShareSteps),
 * so apps whose backups Portal keeps never download it. The flow hands over what it needs from
 * the rest of core: importing it here would make bundlers split the shared code into a chunk of
 * its own that every app loads up front.
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

export interface ShareStepsContext {
  facade: PortalFacade;
  storage: BackupStorage;
  options: BackupFlowOptions;
  signal: AbortSignal | undefined;
  set(next: BackupSnapshot): void;
  fail(error: BackupKitError): void;
  /** A failed storage attempt: onStoreFailed, Portal hears false once, the flow fails. */
  storeFailed(error: BackupKitError): Promise<void>;
  BackupKitError: typeof BackupKitError;
  toBackupKitError: typeof toBackupKitError;
  withDeadline: typeof withDeadline;
  reportStored: typeof reportStored;
}

/** Stores (unless only the notification is left) and notifies; true once both are done. */
export async function resumeShare(share: PendingShare, context: ShareStepsContext): Promise<boolean> {
  return (share.next === 'notify' || (await store(share, context))) && notify(share, context);
}

async function store(share: PendingShare, context: ShareStepsContext): Promise<boolean> {
  const { storage, options, signal } = context;
  // The storage gets its own signal, aborted as soon as we stop waiting for it (its time limit,
  // the caller's signal, a failure), so it can stop too.
  const attempt = new AbortController();
  try {
    // A producer (the passkey paths) names its pairs itself; the SDK's backupWallet does not.
    share.pairIds ??= options.produce ? [] : await pendingPairIds(context.facade, share.portalMethod, signal);
    const request = { backupMethod: share.method, signal: attempt.signal };
    const saving = Promise.resolve()
      .then(() => storage.save({ ...request, cipherText: share.cipherText, backupSharePairIds: share.pairIds }))
      // Seed 000, verify backups: read the share back where the storage can, before Portal hears true.
      .then(() => storage.load?.(request))
      .then((stored) => {
        if (stored !== undefined && stored !== share.cipherText) {
          throw new context.BackupKitError('STORAGE_FAILED', { stage: 'storing', details: { reason: 'verify' } });
        }
      });
    await context.withDeadline(saving, { timeoutMs: options.timeouts?.storeMs ?? 15_000, signal, stage: 'storing' });
  } catch (cause) {
    attempt.abort();
    await context.storeFailed(context.toBackupKitError(cause, 'storing', 'STORAGE_FAILED'));
    return false;
  }
  share.next = 'notify';
  share.called = share.reported = false;
  options.onStored?.({ backupMethod: share.method });
  return true;
}

async function notify(share: PendingShare, context: ShareStepsContext): Promise<boolean> {
  const { options, signal } = context;
  context.set({ state: 'notifying', method: share.method });
  try {
    // 3.4.1's storageCallback and storedClientBackupShare both mark the pairs stored: each is
    // called at most once per stored attempt; a retry repeats only the one that failed.
    if (share.storageCallback && !share.called) {
      const callback = share.storageCallback;
      await context.withDeadline(Promise.resolve().then(callback), {
        timeoutMs: options.timeouts?.notifyMs ?? 30_000,
        signal,
        stage: 'notifying',
      });
      share.called = true;
    }
    if (!share.reported) {
      await context.reportStored(context.facade, true, share.portalMethod, {
        signal,
        timeoutMs: options.timeouts?.notifyMs,
      });
      share.reported = true;
    }
  } catch (cause) {
    context.fail(context.toBackupKitError(cause, 'notifying', 'NOTIFY_FAILED'));
    return false;
  }
  return true;
}
