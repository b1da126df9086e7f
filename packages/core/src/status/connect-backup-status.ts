import type { BackupMethod } from '../portal/portal-like.js';
import { connectFlow, type ConnectOptions, type FlowView } from '../view/connect-flow.js';
import type { BackupStatusSnapshot } from './backup-status-store.js';

/** The data-state of a backup status: its store's, and `empty` when nothing is backed up. */
export type BackupStatusState = BackupStatusSnapshot['state'] | 'empty';

export interface BackupStatusConnectOptions extends ConnectOptions {
  /** The methods to list, in order. */
  methods: readonly BackupMethod[];
  /** What the status said last time it was read (kept while it is read again). */
  known:
    | { methods: readonly BackupMethod[]; hasWallet: boolean; missing?: readonly BackupMethod[]; ejectedAt?: string }
    | undefined;
}

export interface BackupStatusView extends FlowView<BackupStatusState, 'loading' | 'noWallet' | 'empty' | 'summary'> {
  /** Whether a listed method is backed up (PASSKEY counts a direct-path CUSTOM unless CUSTOM is listed). */
  isBackedUp: (method: BackupMethod) => boolean;
  /**
   * The listed methods that are backed up, for the `summary` status; when Portal counts only
   * methods outside the list (a server-side backup's UNKNOWN), those, so the summary names them.
   */
  backedUp: BackupMethod[];
  /** A status was read and nothing is backed up. */
  empty: boolean;
  /** Portal counts the method as backed up, but the app's storage lacks its share: back up again. */
  isMissing: (method: BackupMethod) => boolean;
  /** The listed methods whose share is missing from the app's storage. */
  missing: BackupMethod[];
  /** When the wallet's private keys were exported (eject): whoever holds them controls the wallet. */
  ejectedAt: string | undefined;
}

/** What a backup status's parts show: one place for which methods count and what the line says. */
export function connectBackupStatus(
  snapshot: BackupStatusSnapshot,
  options: BackupStatusConnectOptions,
): BackupStatusView {
  const { methods, known } = options;
  const view = connectFlow(snapshot, options);
  const isBackedUp = (method: BackupMethod) =>
    !!known &&
    (known.methods.includes(method) ||
      (method === 'PASSKEY' && !methods.includes('CUSTOM') && known.methods.includes('CUSTOM')));
  const empty = !!known && known.methods.length === 0;
  const lacks = known?.missing ?? [];
  const isMissing = (method: BackupMethod) =>
    lacks.includes(method) || (method === 'PASSKEY' && !methods.includes('CUSTOM') && lacks.includes('CUSTOM'));
  const ready = snapshot.state === 'ready';
  const listed = methods.filter(isBackedUp);
  return {
    ...view,
    state: ready && empty ? 'empty' : snapshot.state,
    statusKey: !ready
      ? (view.statusKey as BackupStatusView['statusKey'])
      : !snapshot.hasWallet
        ? 'noWallet'
        : empty
          ? 'empty'
          : 'summary',
    isBackedUp,
    backedUp: listed.length || !known ? listed : [...known.methods],
    empty,
    isMissing,
    missing: methods.filter(isMissing),
    ejectedAt: known?.ejectedAt,
  };
}
