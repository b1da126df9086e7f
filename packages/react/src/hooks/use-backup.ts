'use client';
import { useMemo, useRef } from 'react';
import {
  createBackupFlow,
  isBusy,
  type BackupCallbacks,
  type BackupFlowOptions,
  type BackupMethod,
  type BackupSnapshot,
  type BackupStartInput,
  type BackupStorage,
  type PasskeyWindowOptions,
  type PortalLike,
  openPasskeyWindow,
} from '@backup-kit/core';
import { useIsomorphicLayoutEffect } from '../internal/use-isomorphic-layout-effect.js';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore } from './use-flow-store.js';
import { useProviderPasskey } from './use-provider-passkey.js';

/** The methods an app can start a backup with; `UNKNOWN` and `CUSTOM` are only ever reported by Portal. */
export type StartableBackupMethod = Extract<BackupMethod, 'PASSKEY' | 'PASSWORD' | 'GDRIVE'>;

export interface UseBackupOptions extends BackupCallbacks {
  method: StartableBackupMethod;
  /** Self-managed backups: where the encrypted share goes (e.g. core's `httpStorage({ url })`). */
  storage?: BackupStorage | undefined;
  timeouts?: BackupFlowOptions['timeouts'];
  /** PASSKEY on the SDK's path: Portal's passkey window, opened inside the click. @default the provider's */
  passkeyWindow?: PasskeyWindowOptions | undefined;
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

/** Every option of useBackup, to tell them apart from DOM props. */
export const BACKUP_OPTION_KEYS = [
  'method',
  'storage',
  'timeouts',
  'passkeyWindow',
  'portal',
  'onProgress',
  'onStored',
  'onStoreFailed',
  'onSuccess',
  'onError',
] as const satisfies ReadonlyArray<keyof UseBackupOptions>;

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
  const { portal, passkeyWindow, ...flowOptions } = options;
  const { method } = options;
  const windowOptions = useProviderPasskey({ passkeyWindow }).passkeyWindow;
  const idle = useMemo<BackupSnapshot>(() => ({ state: 'idle', method }), [method]);
  const {
    snapshot,
    flow: _flow,
    ...actions
  } = useFlowStore<BackupSnapshot, BackupFlowOptions, BackupStartInput>(createBackupFlow, flowOptions, portal, idle);
  // PASSKEY: Portal's ceremony runs in its passkey window, which only opens inside the click;
  // not while one runs, nor for a retry that only stores or notifies again (no ceremony).
  const opens =
    method === 'PASSKEY' &&
    !isBusy(snapshot) &&
    !(snapshot.state === 'error' && /^(storing|notifying)$/.test(snapshot.error.stage));
  // Read at click time, so start and retry keep their identity between renders.
  const latest = useRef({ opens, windowOptions });
  useIsomorphicLayoutEffect(() => {
    latest.current = { opens, windowOptions };
  });
  const { start, retry } = actions;
  const inClick = useMemo(() => {
    const wrap =
      <A extends unknown[], R>(action: (...args: A) => R) =>
      (...args: A) => (latest.current.opens && openPasskeyWindow(latest.current.windowOptions), action(...args));
    return { start: wrap(start), retry: wrap(retry) };
  }, [start, retry]);
  return {
    ...snapshot,
    ...actions,
    ...inClick,
    isBusy: isBusy(snapshot),
  };
}
