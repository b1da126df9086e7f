'use client';
import { useEffect } from 'react';
import type { PortalLike, WalletGateSnapshot } from '@backup-kit/core';
import { createWalletGateStore } from '@backup-kit/core/wallet-gate';
import { onFlowSuccess } from '../internal/flow-success-events.js';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore, useRefreshWhenReady } from './use-flow-store.js';

export interface UseWalletGateOptions {
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

export interface WalletGateActions {
  /** Whether Portal can be used yet (always `ready` with a `portal` option). */
  portalStatus: PortalStatus;
  /** Asks Portal again where the wallet is. */
  check: () => Promise<WalletGateSnapshot>;
  /** Creates the wallet (from `no-wallet`); then the gate asks for the backup. */
  create: () => Promise<WalletGateSnapshot>;
  /** After an error: checks or creates again (or retries Portal when Portal could not start). */
  retry: () => Promise<WalletGateSnapshot>;
  /** Leaves the backup step for later; the reminder shows while nothing is backed up. */
  skipBackup: () => void;
}

export type UseWalletGateResult = WalletGateSnapshot & WalletGateActions;

const CHECKING: WalletGateSnapshot = { state: 'checking' };
const NO_OPTIONS = {};
const nothing = () => {};

function createGateFlow(portal: PortalLike) {
  const store = createWalletGateStore(portal);
  return { ...store, portal, refresh: store.check, start: store.create, reset: nothing, setOptions: nothing };
}

/**
 * Where the wallet is, read as React state: checked once Portal is ready. After any Backup Kit
 * backup or recovery on the same Portal, the backup and recovery steps check again, so a gate
 * moves on to the app by itself.
 */
export function useWalletGate(options: UseWalletGateOptions = {}): UseWalletGateResult {
  const { snapshot, flow, portalStatus, retry } = useFlowStore(createGateFlow, NO_OPTIONS, options.portal, CHECKING);

  useRefreshWhenReady(flow, portalStatus);
  const ready = portalStatus === 'ready';
  useEffect(() => {
    if (!flow || !ready) return;
    return onFlowSuccess(flow.portal, () => {
      const { state } = flow.getSnapshot();
      if (state === 'backup' || state === 'not-on-device') void flow.check();
    });
  }, [flow, ready]);

  const settled = () => Promise.resolve(snapshot);
  return {
    ...snapshot,
    portalStatus,
    check: flow ? flow.check : settled,
    create: flow ? flow.create : settled,
    retry,
    skipBackup: flow ? flow.skipBackup : nothing,
  };
}
