'use client';
import { useEffect, useMemo } from 'react';
import type { BackupMethod, ExportFlowOptions, ExportSnapshot, PortalLike } from '@backup-kit/core';
import { createExportFlow } from '@backup-kit/core/export';
import { announceFlowSuccess } from '../internal/flow-success-events.js';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { useFlowStore } from './use-flow-store.js';
import { useProviderPasskey } from './use-provider-passkey.js';

export interface UseExportWalletOptions extends ExportFlowOptions {
  /** The backup to export from: the client backup share of this method. @default 'PASSWORD' */
  method?: BackupMethod | undefined;
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

/** Every option of useExportWallet, to tell them apart from DOM props. */
export const EXPORT_OPTION_KEYS = [
  'method',
  'portal',
  'storage',
  'custodianShare',
  'curves',
  'revealMs',
  'timeouts',
  'passkey',
  'unlock',
  'passkeyWindow',
] as const satisfies ReadonlyArray<keyof UseExportWalletOptions>;

export interface ExportWalletActions {
  /** Whether Portal can be used yet (always `ready` with a `portal` option). */
  portalStatus: PortalStatus;
  /** Asks for the explicit confirmation first; nothing is fetched before `confirm`. */
  request: () => void;
  /** The confirmation: fetches both shares, exports, and holds the key in `revealed` until hidden. */
  confirm: (input?: { password?: string }) => Promise<ExportSnapshot>;
  /** Clears the key now (the flow's timer does the same after `revealMs`). */
  hide: () => void;
  /** Back to the start, key cleared. */
  reset: () => void;
  /** Portal could not start: tries it again. Otherwise confirms again after an error. */
  retry: () => Promise<ExportSnapshot>;
}

/** The export (a union on `state`; `keys` only in `revealed`) plus what can be done with it. */
export type UseExportWalletResult = ExportSnapshot & ExportWalletActions;

const IDLE: ExportSnapshot = { state: 'idle' };

/**
 * The export flow with the start / retry shape the flow hooks share. An export changes what
 * Portal reports (`ejectedAt`), so BackupStatus and WalletGate on the same Portal read it again.
 */
function createExportStore(portal: PortalLike, options: ExportFlowOptions) {
  const flow = createExportFlow(portal, options);
  flow.subscribe(() => flow.getSnapshot().state === 'revealed' && announceFlowSuccess(portal));
  return { ...flow, start: () => flow.confirm(), retry: () => flow.confirm() };
}

/**
 * A wallet export (3.4.1's eject), read as React state. The private key exists only in the
 * `revealed` snapshot, and is cleared on `hide()`, on the flow's timer, and when the component
 * that holds this hook unmounts.
 */
export function useExportWallet(options: UseExportWalletOptions = {}): UseExportWalletResult {
  const { portal, method = 'PASSWORD', storage, custodianShare, curves, revealMs, timeouts, unlock } = options;
  const { passkey, passkeyWindow } = useProviderPasskey(options);
  // One object while the options stay the same (the flow reads them when it runs).
  const flowOptions = useMemo<ExportFlowOptions>(
    () => ({ storage, custodianShare, curves, revealMs, timeouts, unlock, passkey, passkeyWindow }),
    [storage, custodianShare, curves, revealMs, timeouts, unlock, passkey, passkeyWindow],
  );
  const { snapshot, flow, portalStatus, retry } = useFlowStore<
    ExportSnapshot,
    ExportFlowOptions,
    undefined,
    ReturnType<typeof createExportStore>
  >(createExportStore, flowOptions, portal, IDLE);

  // Leaving the page (or the component) clears the key; the flow itself stays usable.
  useEffect(() => () => flow?.reset(), [flow]);

  const settled = () => Promise.resolve(snapshot);
  return {
    ...snapshot,
    portalStatus,
    request: flow ? () => flow.request(method) : () => {},
    confirm: flow ? flow.confirm : settled,
    hide: flow ? flow.hide : () => {},
    reset: flow ? flow.reset : () => {},
    retry,
  };
}
