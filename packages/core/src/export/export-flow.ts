import type { BackupKitError } from '../errors.js';
import type { CoreKit } from '../internal/core-kit.js';
import type { ReadableStore } from '../internal/store.js';
import { getPortalFacade, type PortalTimeouts } from '../portal/portal-facade.js';
import { loadDirectPath } from '../passkey/direct/direct-path-kit.js';
import { openPasskeyWindow, type PasskeyWindowOptions } from '../passkey/passkey-window.js';
import type { BackupMethod, PasskeyOptions, PortalLike } from '../portal/portal-like.js';
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
  curves?: 'secp256k1' | 'all' | undefined;
  /** The key is cleared this long after it is shown. @default 60000 */
  revealMs?: number | undefined;
  timeouts?: PortalTimeouts | undefined;
  /**
   * Passkey backups made on the kit's direct path (stored as CUSTOM): the passkey unlocks the key
   * the backup was made under, and Portal exports it as the PASSWORD backup it knows.
   */
  passkey?: PasskeyOptions | undefined;
  /** Turns a method the app stores its own way into what Portal exports with (as in recovery). */
  unlock?:
    | ((context: { method: BackupMethod; signal: AbortSignal }) => Promise<{ method: BackupMethod; password: string }>)
    | undefined;
  /** PASSKEY exports on the SDK's own path: Portal's passkey window, opened inside `confirm()`. */
  passkeyWindow?: PasskeyWindowOptions | undefined;
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
  /** Replaces the options (storage, sources, passkey); an export already running keeps its own. */
  setOptions(options: ExportFlowOptions): void;
}

// A lazy chunk (see lazy-export-flow.ts): it imports nothing the eager code has (only types and
// lazy-only modules); what it uses of the rest of core comes in as `kit` (core-kit.ts).
export function makeExportFlow(kit: CoreKit, portal: PortalLike, initialOptions: ExportFlowOptions = {}): ExportFlow {
  const { BackupKitError, createStore, toBackupKitError } = kit;
  let options = initialOptions;
  const facade = getPortalFacade(portal, kit, options.timeouts);
  const store = createStore<ExportSnapshot>({ state: 'idle' });
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

  function unlockFor(method: BackupMethod, given: ExportFlowOptions) {
    if (given.unlock) return given.unlock;
    const passkey = given.passkey;
    if (method !== 'CUSTOM' || !passkey) return undefined;
    return async ({ signal }: { signal: AbortSignal }) => (await loadDirectPath(kit)).unlock(passkey, signal);
  }

  /**
   * The client backup share as the app stored it (by the app's method), then the method and
   * password Portal exports with (a direct-path passkey unlocks to PASSWORD), then the custodian
   * share Portal keeps under that method.
   */
  async function loadShares(method: BackupMethod, given: ExportFlowOptions, signal: AbortSignal) {
    const unlock = unlockFor(method, given);
    if (!given.storage && !given.custodianShare) {
      const unlocked = unlock ? await unlock({ method, signal }) : undefined;
      return {
        cipherText: '',
        custodianShare: '',
        portalMethod: unlocked?.method ?? method,
        password: unlocked?.password,
      };
    }
    if (!given.storage?.load || !given.custodianShare) {
      throw new BackupKitError('NOT_SUPPORTED', {
        stage: 'loading',
        message: 'Exporting a self-managed backup needs both a storage that can load and a custodianShare source.',
      });
    }
    const cipherText = await given.storage.load({ backupMethod: method, signal });
    if (!cipherText) throw new BackupKitError('NO_BACKUP_FOUND', { stage: 'loading' });
    const unlocked = unlock ? await unlock({ method, signal }) : undefined;
    const portalMethod = unlocked?.method ?? method;
    const client = await portal.getClient?.();
    if (!client?.id)
      throw new BackupKitError('EXPORT_FAILED', { stage: 'loading', message: 'Portal knows no client.' });
    const custodianShare = await given.custodianShare.load({ backupMethod: portalMethod, clientId: client.id, signal });
    return { cipherText, custodianShare, portalMethod, password: unlocked?.password };
  }

  async function confirm(input: { password?: string } = {}): Promise<ExportSnapshot> {
    const snapshot = store.getSnapshot();
    if (snapshot.state !== 'confirming' && snapshot.state !== 'error' && snapshot.state !== 'refused') return snapshot;
    const { method } = snapshot;
    const given = options;
    // Synchronously, inside the caller's click: a popup opened after an await would be blocked.
    if (method === 'PASSKEY') openPasskeyWindow(given.passkeyWindow);
    stopRunning();
    const controller = new AbortController();
    attempt = controller;
    set({ state: 'revealing', method });
    try {
      const shares = await loadShares(method, given, controller.signal);
      const keys = await exportPrivateKeys(facade, {
        method: shares.portalMethod,
        cipherText: shares.cipherText,
        custodianShare: shares.custodianShare,
        password: shares.password ?? input.password,
        curves: given.curves,
        signal: controller.signal,
      });
      if (attempt !== controller) return store.getSnapshot();
      attempt = undefined;
      const revealMs = given.revealMs ?? 60_000;
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
    setOptions(next) {
      options = next;
    },
    dispose() {
      reset();
      disposed = true;
    },
  };
}
