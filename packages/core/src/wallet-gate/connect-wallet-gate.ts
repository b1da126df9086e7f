import type { BackupKitError } from '../errors.js';
import type { MpcStatus } from '../portal/portal-like.js';
import type { PortalStatus } from '../view/connect-flow.js';
import type { WalletGateSnapshot, WalletGateState } from './wallet-gate-store.js';

/** Which slot of the gate shows: its own create step, the app's backup, recovery, or the app. */
export type WalletGateSlot = 'status' | 'create' | 'backup' | 'recover' | 'app';

export interface WalletGateView {
  /** data-state on every part. */
  state: WalletGateState;
  /** What the gate shows in place of the app. */
  slot: WalletGateSlot;
  /** Checking or creating: the status line is busy. */
  busy: boolean;
  /** Portal is still loading: the status says so. */
  connecting: boolean;
  /** The create button ignores activation (creating, Portal not usable, or disabled). */
  createBlocked: boolean;
  error: BackupKitError | undefined;
  /** The MPC status while the wallet is created. */
  progress: MpcStatus | null | undefined;
  /** When the wallet's private keys were exported (from the backup status); the app slot says so. */
  ejectedAt: string | undefined;
  /** What the status line says, as a label key. */
  statusKey:
    'connecting' | 'checking' | 'noWallet' | 'creating' | 'progress' | 'backup' | 'notOnDevice' | 'none' | 'error';
}

export interface WalletGateConnectOptions {
  portalStatus: PortalStatus;
  disabled?: boolean | undefined;
  /** getClient's `ejectedAt` (e.g. the backup status's), shown while the app shows. */
  ejectedAt?: string | null | undefined;
}

const SLOTS: Record<WalletGateState, WalletGateSlot> = {
  checking: 'status',
  'no-wallet': 'create',
  creating: 'create',
  backup: 'backup',
  'not-on-device': 'recover',
  'on-device': 'app',
  error: 'status',
};

/** What the gate's parts show: one place for which slot shows and what the status says. */
export function connectWalletGate(snapshot: WalletGateSnapshot, options: WalletGateConnectOptions): WalletGateView {
  const { state } = snapshot;
  const error = state === 'error' ? snapshot.error : undefined;
  const progress = state === 'creating' ? snapshot.status : undefined;
  const connecting = options.portalStatus === 'loading' && state === 'checking';
  const statusKey: WalletGateView['statusKey'] = connecting
    ? 'connecting'
    : state === 'creating'
      ? progress
        ? 'progress'
        : 'creating'
      : state === 'checking'
        ? 'checking'
        : state === 'no-wallet'
          ? 'noWallet'
          : state === 'backup'
            ? 'backup'
            : state === 'not-on-device'
              ? 'notOnDevice'
              : state === 'error'
                ? 'error'
                : 'none';
  return {
    state,
    // A failed create keeps its button (now "try again"); a failed check shows only the status.
    slot: snapshot.state === 'error' ? (snapshot.during === 'creating' ? 'create' : 'status') : SLOTS[state],
    busy: state === 'checking' || state === 'creating',
    connecting,
    createBlocked: state === 'creating' || options.portalStatus !== 'ready' || !!options.disabled,
    error,
    progress,
    ejectedAt: SLOTS[state] === 'app' ? (options.ejectedAt ?? undefined) : undefined,
    statusKey,
  };
}
