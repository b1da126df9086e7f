import { BackupKitError, toBackupKitError } from '../errors.js';
import { createStore, type ReadableStore } from '../internal/store.js';
import { getPortalFacade, type PortalTimeouts } from '../portal/portal-facade.js';
import type { BackupMethod, PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import { exportPrivateKeys, type ExportedKeys } from './export-calls.js';
import type { CustodianShareSource } from './http-custodian-share.js';

/**
 * An export right now. The keys exist only in `revealed`; every other state holds no secret,
 * so a snapshot can be logged or put in a devtool without leaking anything.
 */
export type ExportSnapshot =
  | { state: 'idle' }
  | { state: 'confirming'; method: BackupMethod }
  | { state: 'revealing'; method: BackupMethod }
  | { state: 'revealed'; method: BackupMethod; keys: ExportedKeys; hidesAt: number }
  | { state: 'hidden'; method: BackupMethod }
  | { state: 'refused'; method: BackupMethod; error: BackupKitError }
  | { state: 'error'; method: BackupMethod; error: BackupKitError };

export type ExportState = ExportSnapshot['state'];

export interface ExportFlowOptions {
  /** The app's storage of the client backup share (self-managed); omit for Portal-managed backups. */
  storage?: BackupStorage | undefined;
  /** The custodian share from the app's server (self-managed), e.g. `httpCustodianShare(...)`. */
  custodianShare?: CustodianShareSource | undefined;
  /** `all` exports the Solana key too (ejectPrivateKeys). @default 'secp256k1' */
  curves?: 'secp256k1' | 'all';
  /** The key is cleared this long after it is shown. @default 60000 */
  revealMs?: number;
  timeouts?: PortalTimeouts;
}

export interface ExportFlow extends ReadableStore<ExportSnapshot> {
  /** Asks for confirmation first: nothing is fetched before `confirm`. */
  request(method: BackupMethod): void;
  /** The explicit confirmation: loads both shares, runs eject and shows the key. */
  confirm(input?: { password?: string }): Promise<ExportSnapshot>;
  /** Clears the key from memory (the timer does the same). */
  hide(): void;
  /** Back to idle, key cleared, any running export abandoned. */
  reset(): void;
  /** Unmount: like reset, and no more updates. */
  dispose(): void;
}

export function createExportFlow(portal: PortalLike, options: ExportFlowOptions = {}): ExportFlow {
  const facade = getPortalFacade(portal, options.timeouts);
  const store = createStore<ExportSnapshot>({ state: 'idle' });
  const revealMs = options.revealMs ?? 60_000;
  let attempt: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function set(next: ExportSnapshot) {
    if (!disposed) store.set(next);
  }

  function stopRunning() {
    attempt?.abort();
    attempt = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function methodOf(): BackupMethod | undefined {
    const snapshot = store.getSnapshot();
    return snapshot.state === 'idle' ? undefined : snapshot.method;
  }

  async function loadShares(method: BackupMethod, signal: AbortSignal) {
    if (!options.storage && !options.custodianShare) return { cipherText: '', custodianShare: '' };
    if (!options.storage?.load || !options.custodianShare) {
      throw new BackupKitError('NOT_SUPPORTED', {
        stage: 'loading',
        message: 'Exporting a self-managed backup needs both a storage that can load and a custodianShare source.',
      });
    }
    const cipherText = await options.storage.load({ backupMethod: method, signal });
    if (!cipherText) throw new BackupKitError('NO_BACKUP_FOUND', { stage: 'loading' });
    const client = await portal.getClient?.();
    if (!client?.id)
      throw new BackupKitError('EXPORT_FAILED', { stage: 'loading', message: 'Portal knows no client.' });
    const custodianShare = await options.custodianShare.load({ backupMethod: method, clientId: client.id, signal });
    return { cipherText, custodianShare };
  }

  async function confirm(input: { password?: string } = {}): Promise<ExportSnapshot> {
    const snapshot = store.getSnapshot();
    if (snapshot.state !== 'confirming' && snapshot.state !== 'error' && snapshot.state !== 'refused') return snapshot;
    const { method } = snapshot;
    stopRunning();
    const controller = new AbortController();
    attempt = controller;
    set({ state: 'revealing', method });
    try {
      const shares = await loadShares(method, controller.signal);
      const keys = await exportPrivateKeys(facade, {
        method,
        ...shares,
        password: input.password,
        curves: options.curves,
        signal: controller.signal,
      });
      if (attempt !== controller) return store.getSnapshot();
      attempt = undefined;
      set({ state: 'revealed', method, keys, hidesAt: Date.now() + revealMs });
      timer = setTimeout(hide, revealMs);
    } catch (error) {
      if (attempt !== controller) return store.getSnapshot();
      attempt = undefined;
      const failure = toBackupKitError(error, 'exporting', 'EXPORT_FAILED');
      set({ state: failure.code === 'EXPORT_REFUSED' ? 'refused' : 'error', method, error: failure });
    }
    return store.getSnapshot();
  }

  function hide() {
    const method = methodOf();
    if (store.getSnapshot().state !== 'revealed' || !method) return;
    stopRunning();
    set({ state: 'hidden', method });
  }

  function reset() {
    stopRunning();
    set({ state: 'idle' });
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    request(method) {
      const state = store.getSnapshot().state;
      if (state === 'revealing' || state === 'revealed') return;
      set({ state: 'confirming', method });
    },
    confirm,
    hide,
    reset,
    dispose() {
      reset();
      disposed = true;
    },
  };
}
