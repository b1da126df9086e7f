'use client';
import { useEffect, useState } from 'react';
import {
  createRecoveryFlow,
  isBusy,
  type BackupMethod,
  type PortalLike,
  type RecoverInput,
  type RecoveryFlowOptions,
  type RecoverySnapshot,
} from '@backup-kit/core';
import { onFlowSuccess } from '../internal/flow-success-events.js';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore, useRefreshWhenReady } from './use-flow-store.js';
import { useProviderPasskey } from './use-provider-passkey.js';

export interface UseRecoveryOptions extends RecoveryFlowOptions {
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

/** Every option of useRecovery, to tell them apart from DOM props. */
export const RECOVERY_OPTION_KEYS = [
  'storage',
  'passkey',
  'passkeyWindow',
  'pageOrigin',
  'unlock',
  'timeouts',
  'portal',
  'onProgress',
  'onSuccess',
  'onError',
] as const satisfies ReadonlyArray<keyof UseRecoveryOptions>;

/** What a retry may change: the method (the failed one by default) and the password. */
export type RecoveryRetryInput = Partial<RecoverInput>;

export interface RecoveryActions {
  /** Whether Portal can be used yet (always `ready` with a `portal` option). */
  portalStatus: PortalStatus;
  /** A recovery is running: fetching the backup or recovering. */
  isBusy: boolean;
  /** The methods the wallet has backups for, from the last refresh; kept while a recovery runs. */
  methods: BackupMethod[];
  /** Reads again which methods the wallet has (ignored while a recovery runs). */
  refresh: () => Promise<RecoverySnapshot>;
  /** Recovers with a method; while one runs it returns the running one (double submits start one). */
  recover: (input: RecoverInput) => Promise<RecoverySnapshot>;
  /**
   * After an error: recovers again with the failed method (or `input.method`), reads the methods
   * again when that is what failed, or retries Portal when Portal could not start.
   */
  retry: (input?: RecoveryRetryInput) => Promise<RecoverySnapshot>;
  /** Back to choosing a method; the known methods stay. */
  reset: () => void;
}

/** A snapshot of the recovery (a union on `state`) plus what can be done with it. */
export type UseRecoveryResult = RecoverySnapshot & RecoveryActions;

const LOADING: RecoverySnapshot = { state: 'loading' };
const NO_METHODS: BackupMethod[] = [];

/** The recovery flow with the start / retry shape the flow hooks share. */
function createRecoveryStore(portal: PortalLike, options: RecoveryFlowOptions) {
  const flow = createRecoveryFlow(portal, options);
  const settled = () => Promise.resolve(flow.getSnapshot());
  return {
    ...flow,
    portal,
    refresh: () => (isBusy(flow.getSnapshot()) ? settled() : flow.refresh()),
    start: (input?: RecoveryRetryInput) => (input?.method ? flow.recover(input as RecoverInput) : settled()),
    retry: (input: RecoveryRetryInput = {}) => {
      const snapshot = flow.getSnapshot();
      const method = input.method ?? (snapshot.state === 'error' ? snapshot.method : undefined);
      // No method failed: listing the methods did, so list them again.
      return method ? flow.recover({ ...input, method }) : flow.refresh();
    },
  };
}

/**
 * A wallet recovery, read as React state: which methods the wallet really has (read once Portal
 * is ready), then the recovery with one of them. A wrong password is an `error` with code
 * `WRONG_PASSWORD` that a retry with the right password fixes; the stored backup is only read.
 */
export function useRecovery(options: UseRecoveryOptions = {}): UseRecoveryResult {
  const { portal, ...given } = options;
  const flowOptions = useProviderPasskey(given);
  const { snapshot, flow, portalStatus, start, retry, reset } = useFlowStore<
    RecoverySnapshot,
    RecoveryFlowOptions,
    RecoveryRetryInput,
    ReturnType<typeof createRecoveryStore>
  >(createRecoveryStore, flowOptions, portal, LOADING);

  // List the methods once Portal is ready.
  useRefreshWhenReady(flow, portalStatus);
  // A backup made elsewhere on this Portal may be the one to recover from: list the methods
  // again, but only while the user is choosing (never over a running or finished recovery).
  const ready = portalStatus === 'ready';
  useEffect(() => {
    if (!flow || !ready) return;
    return onFlowSuccess(flow.portal, () => {
      if (flow.getSnapshot().state === 'idle') void flow.refresh();
    });
  }, [flow, ready]);

  // The methods are only in some snapshots; remember the last ones so a running recovery keeps them.
  const current = 'methods' in snapshot ? snapshot.methods : undefined;
  const [known, setKnown] = useState(NO_METHODS);
  if (current && current !== known) setKnown(current);

  return {
    ...snapshot,
    portalStatus,
    isBusy: isBusy(snapshot),
    methods: current ?? known,
    refresh: flow ? flow.refresh : () => Promise.resolve(snapshot),
    recover: start as (input: RecoverInput) => Promise<RecoverySnapshot>,
    retry,
    reset,
  };
}
