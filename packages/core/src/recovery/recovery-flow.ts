import type { BackupKitError } from '../errors.js';
import type { ReadableStore } from '../internal/store.js';
import type { BackupMethod, MpcStatus, PasskeyOptions, PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import { loadDirectPath } from '../passkey/direct/direct-path-kit.js';
import { createPasskeyOptionsCheckCache, pageOriginOf } from '../passkey/passkey-options-check-cache.js';
import { openPasskeyWindow, type PasskeyWindowOptions } from '../passkey/passkey-window.js';
import type { CoreKit } from '../internal/core-kit.js';
import { getBackupStatus, recoverWallet } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';
import type { RecoverySnapshot } from './recovery-snapshot.js';

// A lazy chunk (see lazy-recovery-flow.ts): it imports nothing the eager code has (only types and
// lazy-only modules); what it uses of the rest of core comes in as `kit` (core-kit.ts).

export interface RecoveryFlowOptions {
  /** Self-managed backups: where the cipherText is read from. Absent: Portal keeps it. */
  storage?: BackupStorage | undefined;
  timeouts?: { loadMs?: number; recoverMs?: number };
  /**
   * Turns a method the app stores its own way (the passkey direct path) into what Portal
   * recovers with: the method Portal knows and the password (the key read with the passkey).
   */
  unlock?:
    | ((context: {
        method: BackupMethod;
        signal: AbortSignal | undefined;
      }) => Promise<{ method: BackupMethod; password: string }>)
    | undefined;
  /**
   * Passkey backups made on the kit's direct path: they are stored as CUSTOM and unlocked with
   * the passkey (authenticate, read the key back from the vault at customDomain or from PRF).
   */
  passkey?: PasskeyOptions | undefined;
  /** PASSKEY recoveries on the SDK's own path: Portal's passkey window, opened inside recover(). */
  passkeyWindow?: PasskeyWindowOptions | undefined;
  /** The page the ceremony runs on (for the options' check). @default window.location.origin */
  pageOrigin?: string | undefined;
  onProgress?: (details: { status: MpcStatus }) => void;
  onSuccess?: (details: { backupMethod: BackupMethod; address: string }) => void;
  onError?: (error: BackupKitError) => void;
}

export interface RecoverInput {
  method: BackupMethod;
  /** PASSWORD recoveries; used once and not kept. */
  password?: string;
  signal?: AbortSignal;
}

export interface RecoveryFlow extends ReadableStore<RecoverySnapshot> {
  /** Reads which methods the wallet has backups for. */
  refresh(): Promise<RecoverySnapshot>;
  /** Recovers with a method. While one runs, returns the running one. */
  recover(input: RecoverInput): Promise<RecoverySnapshot>;
  /** Back to choosing a method (keeps the known methods). */
  reset(): void;
  setOptions(options: RecoveryFlowOptions): void;
}

/**
 * Recovery as a store: list the methods the wallet really has, fetch the cipherText (from the
 * app's storage, or '' when Portal keeps it), recover. A wrong password is WRONG_PASSWORD,
 * retryable, and loses nothing: the stored share is only read.
 */
export function makeRecoveryFlow(
  kit: CoreKit,
  portal: PortalLike,
  initialOptions: RecoveryFlowOptions = {},
): RecoveryFlow {
  const { BackupKitError, toBackupKitError, withDeadline, createStore } = kit;
  const facade = getPortalFacade(portal, kit);
  let options = initialOptions;
  let methods: BackupMethod[] = [];
  let running: Promise<RecoverySnapshot> | undefined;
  const store = createStore<RecoverySnapshot>({ state: 'loading' });
  const checks = createPasskeyOptionsCheckCache();
  const isPasskeyMethod = (method: BackupMethod) => method === 'PASSKEY' || method === 'CUSTOM';

  /** Checked when the options are given, as backup does, so a click never waits for it. */
  function checkAhead(): Promise<unknown> {
    if (!options.passkey) return Promise.resolve();
    // The direct path's code too (it carries SimpleWebAuthn): no download between a click and the prompt.
    void loadDirectPath(kit).catch(() => {});
    return checks.check(options.passkey, pageOriginOf(options.pageOrigin)).catch(() => {});
  }
  void checkAhead();

  /** Before any ceremony or vault request: invalid options (an http:// customDomain...) stop here. */
  async function assertPasskeyOptions(method: BackupMethod) {
    if (!options.passkey || !isPasskeyMethod(method)) return;
    const check = checks.known() ?? (await checks.check(options.passkey, pageOriginOf(options.pageOrigin)));
    if (!check.valid) {
      throw new BackupKitError('PASSKEY_OPTIONS_INVALID', { stage: 'validating', details: { issues: check.issues } });
    }
  }

  function fail(error: BackupKitError, method: BackupMethod | undefined) {
    store.set({ state: 'error', method, methods, error });
    options.onError?.(error);
  }

  /**
   * Reads a backup back from a storage that has `load`, within the time limit. The storage gets
   * its own signal unless the caller has one, aborted once the read is over or given up.
   */
  async function load(storage: BackupStorage, method: BackupMethod, signal?: AbortSignal): Promise<string | null> {
    const controller = new AbortController();
    try {
      return await withDeadline(storage.load!({ backupMethod: method, signal: signal ?? controller.signal }), {
        timeoutMs: options.timeouts?.loadMs ?? 15_000,
        signal,
        stage: 'loading',
      });
    } finally {
      controller.abort();
    }
  }

  /** Portal knows a direct-path passkey backup as PASSWORD; the app's storage knows it as CUSTOM. */
  async function hasDirectPasskeyBackup(): Promise<boolean> {
    const storage = options.storage;
    if (!options.passkey || !storage?.load) return false;
    return (await load(storage, 'CUSTOM').catch(() => null)) !== null;
  }

  function unlockFor(method: BackupMethod) {
    if (options.unlock) return options.unlock;
    const passkey = options.passkey;
    if (method !== 'CUSTOM' || !passkey) return undefined;
    return async ({ signal }: { signal: AbortSignal | undefined }) => {
      return (await loadDirectPath(kit)).unlock(passkey, signal);
    };
  }

  async function refresh() {
    store.set({ state: 'loading' });
    try {
      // The methods show once the options' check is known too, so a click on one never waits for it.
      const [status, passkeyBackup] = await Promise.all([
        getBackupStatus(facade),
        hasDirectPasskeyBackup(),
        checkAhead(),
      ]);
      methods = passkeyBackup ? [...status.methods, 'CUSTOM'] : status.methods;
      store.set({ state: 'idle', methods });
    } catch (error) {
      fail(toBackupKitError(error, 'status'), undefined);
    }
    return store.getSnapshot();
  }

  async function fetchCipherText(method: BackupMethod, signal: AbortSignal | undefined): Promise<string> {
    const storage = options.storage;
    if (!storage) return ''; // Portal-managed: the iframe fetches its own copy.
    if (!storage.load) {
      throw new BackupKitError('NOT_SUPPORTED', {
        stage: 'loading',
        message: 'This storage cannot read backups back (no load()).',
      });
    }
    store.set({ state: 'fetching', method });
    const cipherText = await load(storage, method, signal).catch((error: unknown) => {
      throw toBackupKitError(error, 'loading', 'STORAGE_FAILED');
    });
    if (cipherText === null) throw new BackupKitError('NO_BACKUP_FOUND', { stage: 'loading' });
    return cipherText;
  }

  async function explainPasskeyFailure(failure: BackupKitError, passkey: PasskeyOptions | undefined) {
    return import('../passkey/passkey-failure.js').then(
      (explanations) => explanations.explainPasskeyFailure(failure, passkey),
      () => failure,
    );
  }

  async function run(input: RecoverInput) {
    const { signal } = input;
    try {
      await assertPasskeyOptions(input.method);
      const cipherText = await fetchCipherText(input.method, signal);
      const unlock = unlockFor(input.method);
      const unlocked = unlock ? await unlock({ method: input.method, signal }) : undefined;
      store.set({ state: 'recovering', method: input.method, status: null });
      const address = await recoverWallet(facade, {
        method: unlocked?.method ?? input.method,
        cipherText,
        password: unlocked?.password ?? input.password,
        signal,
        timeoutMs: options.timeouts?.recoverMs,
        onProgress: (status) => {
          store.set({ state: 'recovering', method: input.method, status });
          options.onProgress?.({ status });
        },
      });
      store.set({ state: 'success', method: input.method, address });
      options.onSuccess?.({ backupMethod: input.method, address });
    } catch (error) {
      // Errors from loading keep their stage; anything else failed while recovering. A passkey
      // failure says why (no PRF, a refused relying party), as the browser or Portal's window did.
      // (Loaded on failure only: the explanations stay out of the eager code.)
      const failure = toBackupKitError(error, 'recovering', 'RECOVERY_FAILED');
      fail(
        isPasskeyMethod(input.method) ? await explainPasskeyFailure(failure, options.passkey) : failure,
        input.method,
      );
    }
  }

  function recover(input: RecoverInput) {
    if (running) return running;
    // Synchronously, inside the caller's click: a popup opened after an await would be blocked.
    if (input.method === 'PASSKEY' && checks.known()?.valid !== false) openPasskeyWindow(options.passkeyWindow);
    running = run(input)
      .then(() => store.getSnapshot())
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function reset() {
    if (running) return;
    store.set({ state: 'idle', methods });
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    refresh,
    recover,
    reset,
    setOptions: (next) => {
      options = next;
      void checkAhead();
    },
  };
}
