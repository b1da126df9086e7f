import { useCallback, useMemo } from 'react';
import {
  createBackupFlow,
  isBusy,
  type BackupCallbacks,
  type BackupFlowOptions,
  type BackupMethod,
  type BackupSnapshot,
  type BackupStartInput,
  type BackupStorage,
  type PortalLike,
} from '@backup-kit/core';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore } from './use-flow-store.js';

export interface UseBackupOptions extends BackupCallbacks {
  method: BackupMethod;
  /** Self-managed backups: where the encrypted share goes (e.g. core's `httpStorage({ url })`). */
  storage?: BackupStorage | undefined;
  timeouts?: BackupFlowOptions['timeouts'];
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

export interface BackupActions {
  /** Whether Portal can be used yet (always `ready` with a `portal` option). */
  portalStatus: PortalStatus;
  /** A backup is running: backing-up, storing or notifying. */
  isBusy: boolean;
  /** Runs a backup; while one runs it returns the running one (double clicks start one). */
  start: (input?: BackupStartInput) => Promise<BackupSnapshot>;
  /** Resumes after an error: storage and notification failures reuse the same backup. */
  retry: (input?: BackupStartInput) => Promise<BackupSnapshot>;
  reset: () => void;
}

/** A snapshot of the backup (a union on `state`) plus what can be done with it. */
export type UseBackupResult = BackupSnapshot & BackupActions;

/** A backup flow for one method, read as React state. */
export function useBackup(options: UseBackupOptions): UseBackupResult {
  const { portal, ...flowOptions } = options;
  const idle = useMemo<BackupSnapshot>(() => ({ state: 'idle', method: options.method }), [options.method]);
  const { flow, snapshot, kit } = useFlowStore(createBackupFlow, flowOptions, portal, idle);

  // Portal failed to start: an idle backup shows that error, and retrying retries Portal.
  const portalError = kit?.status === 'error' && snapshot.state === 'idle' ? kit.error : null;
  const shown: BackupSnapshot = portalError ? { state: 'error', method: options.method, error: portalError } : snapshot;

  const start = useCallback((input?: BackupStartInput) => (flow ? flow.start(input) : Promise.resolve(idle)), [flow, idle]);
  const retry = useCallback(
    (input?: BackupStartInput) => {
      if (!portalError) return flow ? flow.retry(input) : Promise.resolve(idle);
      kit?.retry();
      return Promise.resolve(idle);
    },
    [flow, idle, kit, portalError],
  );
  const reset = useCallback(() => flow?.reset(), [flow]);

  return { ...shown, portalStatus: kit?.status ?? 'ready', isBusy: isBusy(shown), start, retry, reset };
}
