import { useCallback, useMemo } from 'react';
import {
  createPasskeyFlow,
  type PasskeyFlowOptions,
  type PasskeyOptionIssue,
  type PasskeySnapshot,
  type PortalLike,
} from '@backup-kit/core';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore } from './use-flow-store.js';

export interface UsePasskeySetupOptions extends PasskeyFlowOptions {
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

export interface PasskeySetupActions {
  portalStatus: PortalStatus;
  /** Registering the passkey, backing up, storing or notifying. */
  isBusy: boolean;
  /** Invalid custom-domain options, all of them (empty otherwise). */
  issues: PasskeyOptionIssue[];
  start: () => Promise<PasskeySnapshot>;
  retry: () => Promise<PasskeySnapshot>;
  reset: () => void;
}

export type UsePasskeySetupResult = PasskeySnapshot & PasskeySetupActions;

const CHECKING: PasskeySnapshot = { state: 'checking' };
const BUSY = new Set(['registering', 'backing-up', 'storing', 'notifying']);
const NO_ISSUES: PasskeyOptionIssue[] = [];

/** Creates a passkey, then backs up under it; read as React state. */
export function usePasskeySetup(options: UsePasskeySetupOptions): UsePasskeySetupResult {
  const { portal, ...flowOptions } = options;
  const { flow, snapshot, kit } = useFlowStore(createPasskeyFlow, flowOptions, portal, CHECKING);

  const waiting = snapshot.state === 'checking' || snapshot.state === 'idle';
  const portalError = kit?.status === 'error' && waiting ? kit.error : null;
  const shown: PasskeySnapshot = portalError ? { state: 'error', error: portalError } : snapshot;
  const error = shown.state === 'error' ? shown.error : undefined;
  const issues = useMemo(
    () =>
      error?.code === 'PASSKEY_OPTIONS_INVALID'
        ? ((error.details as { issues?: PasskeyOptionIssue[] } | undefined)?.issues ?? NO_ISSUES)
        : NO_ISSUES,
    [error],
  );

  const start = useCallback(() => (flow ? flow.start() : Promise.resolve(CHECKING)), [flow]);
  const retry = useCallback(() => {
    if (!portalError) return flow ? flow.retry() : Promise.resolve(CHECKING);
    kit?.retry();
    return Promise.resolve(CHECKING);
  }, [flow, kit, portalError]);
  const reset = useCallback(() => flow?.reset(), [flow]);

  return { ...shown, portalStatus: kit?.status ?? 'ready', isBusy: BUSY.has(shown.state), issues, start, retry, reset };
}
