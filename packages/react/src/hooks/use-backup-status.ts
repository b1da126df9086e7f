'use client';
import { useEffect, useState } from 'react';
import {
  createBackupStatusStore,
  type BackupMethod,
  type BackupStatusSnapshot,
  type BackupStorage,
  type PortalLike,
} from '@backup-kit/core';
import { onFlowSuccess } from '../internal/flow-success-events.js';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore, useRefreshWhenReady } from './use-flow-store.js';

export interface UseBackupStatusOptions {
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
  /**
   * Read the status again whenever a backup (or a recovery) made by any Backup Kit component or
   * hook on the same Portal succeeds. @default true
   */
  refreshOnSuccess?: boolean | undefined;
  /** The app's storage: a method Portal counts as backed up must have its share there (`missing`). */
  storage?: BackupStorage | undefined;
}

/** What the status said last time it was read; kept while it is read again. */
export interface KnownBackupStatus {
  /** Methods with a completed backup pair (as availableRecoveryMethods() reports them). */
  methods: BackupMethod[];
  hasWallet: boolean;
  /** Completed methods whose share the app's storage lacks (only with `storage`). */
  missing?: BackupMethod[];
  /** When the wallet's private keys were exported (getClient's ejectedAt); absent when never. */
  ejectedAt?: string;
}

export interface BackupStatusActions {
  /** Whether Portal can be used yet (always `ready` with a `portal` option). */
  portalStatus: PortalStatus;
  /** The last status read, kept while it is read again; undefined until one was read or after an error. */
  known: KnownBackupStatus | undefined;
  /** Reads the status again (or retries Portal when Portal could not start). */
  refresh: () => Promise<BackupStatusSnapshot>;
}

export type UseBackupStatusResult = BackupStatusSnapshot & BackupStatusActions;

const LOADING: BackupStatusSnapshot = { state: 'loading' };
const NO_OPTIONS = {};
const nothing = () => {};

/** The status store with the start / retry shape the flow hooks share; both read it again. */
function createStatusFlow(portal: PortalLike) {
  const store = createBackupStatusStore(portal);
  return { ...store, portal, start: store.refresh, retry: store.refresh, reset: nothing, setOptions: nothing };
}

/**
 * Which methods the wallet is backed up with, read as React state: read once Portal is ready,
 * again on `refresh()`, and again after any Backup Kit backup on the same Portal succeeds.
 */
export function useBackupStatus(options: UseBackupStatusOptions = {}): UseBackupStatusResult {
  const { portal, refreshOnSuccess = true, storage } = options;
  const { snapshot, flow, portalStatus, retry } = useFlowStore(createStatusFlow, NO_OPTIONS, portal, LOADING);
  // Before the first read (effects run in order): the read cross-checks this storage.
  useEffect(() => flow?.setStorage(storage), [flow, storage]);

  useRefreshWhenReady(flow, portalStatus);
  const ready = portalStatus === 'ready';
  useEffect(() => {
    if (!flow || !ready || !refreshOnSuccess) return;
    return onFlowSuccess(flow.portal, () => void flow.refresh());
  }, [flow, ready, refreshOnSuccess]);

  // Keep the last status read while it is read again, so lists do not flicker.
  const [known, setKnown] = useState<KnownBackupStatus>();
  const current = snapshot.state === 'ready' ? snapshot : snapshot.state === 'error' ? undefined : known;
  if (current !== known) setKnown(current);

  return { ...snapshot, portalStatus, known: current, refresh: retry };
}
