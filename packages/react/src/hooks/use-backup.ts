'use client';
import { useMemo } from 'react';
import {
  createBackupFlow,
  createPasskeyBackupFlow,
  isBusy,
  type BackupCallbacks,
  type BackupFlowOptions,
  type BackupMethod,
  type BackupSnapshot,
  type BackupStartInput,
  type BackupStorage,
  type PasskeyOptions,
  type PasskeyWindowOptions,
  type PortalLike,
} from '@backup-kit/core';
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
  /**
   * PASSKEY: the custom-domain options, checked before anything; they choose the path as in
   * PasskeySetup. @default the provider's (none: the Portal's own passkey config)
   */
  passkey?: PasskeyOptions | undefined;
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
  'passkey',
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

/**
 * A backup flow for one method, read as React state. PASSKEY runs PasskeySetup's flow (a lazy
 * chunk, loaded at mount): the same option check and the same path.
 */
export function useBackup(options: UseBackupOptions): UseBackupResult {
  const { portal, ...given } = options;
  const { method } = options;
  const flowOptions = useProviderPasskey(given);
  const idle = useMemo<BackupSnapshot>(() => ({ state: 'idle', method }), [method]);
  const {
    snapshot,
    flow: _flow,
    ...actions
  } = useFlowStore<BackupSnapshot, BackupFlowOptions, BackupStartInput>(
    method === 'PASSKEY' ? createPasskeyBackupFlow : createBackupFlow,
    flowOptions,
    portal,
    idle,
  );
  return { ...snapshot, ...actions, isBusy: isBusy(snapshot) };
}
