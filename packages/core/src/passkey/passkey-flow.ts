import {
  makeBackupFlow,
  type BackupFlow,
  type BackupFlowOptions,
  type BackupCallbacks,
  type ProducedBackup,
} from '../backup/backup-flow.js';
import type { BackupSnapshot } from '../backup/backup-snapshot.js';
import type { BackupKitError } from '../errors.js';
import type { ReadableStore } from '../internal/store.js';
import type { PortalFacade } from '../portal/portal-facade.js';
import type { MpcStatus, PasskeyOptions, PortalLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import type { PasskeyOptionsCheck } from './passkey-options.js';
import type { PasskeyWindowOptions } from './passkey-window.js';
import { loadDirectPath } from './direct/direct-path-kit.js';
import { explainPasskeyFailure } from './passkey-failure.js';
import { createPasskeyOptionsCheckCache, pageOriginOf } from './passkey-options-check-cache.js';
import { choosePasskeyPath } from './passkey-path.js';
import { openPasskeyWindow } from './passkey-window.js';
import { supportsWebAuthn } from './webauthn-support.js';
import type { CoreKit } from '../internal/core-kit.js';
import { getPortalFacade } from '../portal/portal-facade.js';
import type { PasskeyPath, PasskeySnapshot } from './passkey-snapshot.js';

// A lazy chunk: it imports nothing the eager code has (only types and lazy-only modules); the
// eager code it uses comes in as `kit` (core-kit.ts).

/**
 * The kit's own passkey ceremony (usePopup: false): WebAuthn in the page against a key vault
 * at customDomain. Loaded lazily; see the passkey README for the protocol.
 */
export interface DirectPasskeyPath {
  register(options: PasskeyOptions, signal: AbortSignal | undefined): Promise<void>;
  /** Makes a backup under a fresh key and writes the key with the passkey. */
  backUp(context: {
    facade: PortalFacade;
    options: PasskeyOptions;
    signal: AbortSignal | undefined;
    onProgress: (status: MpcStatus) => void;
  }): Promise<ProducedBackup>;
}

export interface PasskeyFlowOptions extends BackupCallbacks {
  passkey: PasskeyOptions;
  /** Time limits for the backup part (storage, notification, MPC). */
  timeouts?: BackupFlowOptions['timeouts'];
  /** Self-managed backups: where the cipherText goes. Absent: Portal keeps it. */
  storage?: BackupStorage | undefined;
  /** The page the ceremony runs on. @default window.location.origin */
  pageOrigin?: string | undefined;
  /** @default 'auto': the seed's API where the SDK has it, else the direct path when usePopup is false, else the SDK's own */
  path?: 'auto' | PasskeyPath;
  /** Loads the direct path (usePopup: false). @default the kit's own, against the vault at customDomain */
  loadDirectPath?: (() => Promise<DirectPasskeyPath>) | undefined;
  /**
   * The SDK's own path (`sdk`) needs Portal's passkey window; `start()` and `retry()` open it
   * synchronously, so call them inside the click handler. See openPasskeyWindow.
   */
  passkeyWindow?: PasskeyWindowOptions | undefined;
  /** @default @simplewebauthn/browser's browserSupportsWebAuthn, loaded lazily */
  isSupported?: () => Promise<boolean>;
  onRegistered?: () => void;
}

export interface PasskeyFlow extends ReadableStore<PasskeySnapshot> {
  /** Validates the options, creates the passkey (where the path has that step), then backs up. */
  start(input?: { signal?: AbortSignal }): Promise<PasskeySnapshot>;
  /** Continues from where it stopped; a storage failure reuses the same cipherText. */
  retry(input?: { signal?: AbortSignal }): Promise<PasskeySnapshot>;
  reset(): void;
  setOptions(options: PasskeyFlowOptions): void;
  /** The path a start would take now; `undefined` while the flow's code loads (`checking`). */
  resolvePath(): PasskeyPath | undefined;
}

/**
 * The passkey backup as a store, over the same backup flow as every other method, so storage
 * and Portal notification keep the same promises. Three paths:
 * - `seed`: the SDK's registerPasskey / generateBackupShare / authenticatePasskeyAndWriteKey;
 * - `sdk`: @portal-hq/web 3.4.1's backupWallet(PASSKEY), the ceremony is Portal's;
 * - `direct`: the kit runs the ceremony in the page (usePopup: false).
 */
export function makePasskeyFlow(kit: CoreKit, portal: PortalLike, initialOptions: PasskeyFlowOptions): PasskeyFlow {
  const { BackupKitError, createStore, toBackupKitError } = kit;
  const facade = getPortalFacade(portal, kit);
  let options = initialOptions;
  let registered = false;
  let direct: Promise<DirectPasskeyPath> | undefined;
  let running: Promise<PasskeySnapshot> | undefined;
  const store = createStore<PasskeySnapshot>({ state: 'checking' });
  const checks = createPasskeyOptionsCheckCache();

  const resolvePath = (): PasskeyPath => choosePasskeyPath(facade.portal, options);

  const backup: BackupFlow = makeBackupFlow(kit, portal, backupOptions());
  backup.subscribe(() => mirror(backup.getSnapshot()));

  function backupOptions() {
    const path = resolvePath();
    // The SDK's own path makes a PASSKEY backup; the others store theirs as CUSTOM.
    // onError hears the failure with its reason, as the snapshot shows it.
    const onError = (error: BackupKitError) => options.onError?.(explain(error));
    return path === 'sdk'
      ? { ...options, onError, method: 'PASSKEY' as const }
      : { ...options, onError, method: 'CUSTOM' as const, produce: produceFor(path) };
  }

  /** One explained error per failure, so the snapshot and onError hold the same object. */
  const explained = new WeakMap<BackupKitError, BackupKitError>();
  function explain(error: BackupKitError): BackupKitError {
    let result = explained.get(error);
    if (!result) explained.set(error, (result = explainPasskeyFailure(error, options.passkey)));
    return result;
  }

  function produceFor(path: PasskeyPath) {
    return async ({ signal, onProgress }: { signal: AbortSignal | undefined; onProgress: (s: MpcStatus) => void }) => {
      if (path === 'direct') {
        const driver = await loadDirect();
        return driver.backUp({ facade, options: options.passkey, signal, onProgress });
      }
      const sdk = facade.portal;
      const { cipherText, encryptionKey, storageCallback } = await sdk.generateBackupShare!(onProgress);
      await sdk.authenticatePasskeyAndWriteKey!(encryptionKey, options.passkey);
      return { cipherText, storageCallback };
    };
  }

  /** One load, shared by the preload and the start; a failed load is tried again next time. */
  function loadDirect(): Promise<DirectPasskeyPath> {
    if (!direct) {
      const loading = (options.loadDirectPath ?? (() => loadDirectPath(kit)))();
      direct = loading;
      loading.catch(() => {
        if (direct === loading) direct = undefined;
      });
    }
    return direct;
  }

  /**
   * Backup-flow states become passkey states: the same, less the method until success; a
   * cancelled prompt gets its own state.
   */
  function mirror(snapshot: BackupSnapshot) {
    if (snapshot.state === 'error') return settle(snapshot.error);
    const { method: _method, ...rest } = snapshot;
    if (snapshot.state !== 'idle') store.set(snapshot.state === 'success' ? snapshot : (rest as PasskeySnapshot));
  }

  function settle(failure: BackupKitError) {
    const error = explain(failure);
    store.set(error.code === 'PASSKEY_CANCELLED' ? { state: 'cancelled', error } : { state: 'error', error });
  }

  function fail(error: BackupKitError) {
    settle(error);
    options.onError?.(explain(error));
  }

  async function checkSupport() {
    // The backup's own code came in with this chunk: once support is known, no click waits for a download.
    const supported = await (options.isSupported ?? supportsWebAuthn)().catch(() => false);
    if (store.getSnapshot().state === 'checking') {
      store.set(supported ? { state: 'idle', registered } : { state: 'unsupported' });
    }
    return supported;
  }

  async function prepare(signal: AbortSignal | undefined): Promise<boolean> {
    let check: PasskeyOptionsCheck;
    try {
      // Usually settled already: the check started when the options were given (prepareAhead).
      check = checks.known() ?? (await checks.check(options.passkey, pageOriginOf(options.pageOrigin)));
    } catch (error) {
      // The checks load lazily (with the public-suffix list); a load that failed can be retried.
      fail(toBackupKitError(error, 'validating'));
      return false;
    }
    if (!check.valid) {
      fail(new BackupKitError('PASSKEY_OPTIONS_INVALID', { stage: 'validating', details: { issues: check.issues } }));
      return false;
    }
    const path = resolvePath();
    if (registered || path === 'sdk') return true;
    store.set({ state: 'registering' });
    try {
      if (path === 'seed') await facade.portal.registerPasskey!(options.passkey);
      else await (await loadDirect()).register(options.passkey, signal);
    } catch (error) {
      fail(toBackupKitError(error, 'passkey', 'PASSKEY_FAILED'));
      return false;
    }
    registered = true;
    options.onRegistered?.();
    return true;
  }

  function run(work: (signal: AbortSignal | undefined) => Promise<unknown>, signal: AbortSignal | undefined) {
    running ??= (async () => {
      if (await support) await work(signal);
      return store.getSnapshot();
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  function start(input: { signal?: AbortSignal } = {}) {
    // Before the first await: a popup opened later would be blocked. Options already known to
    // be invalid open no window.
    const invalid = checks.known()?.valid === false;
    const popup = !running && !invalid && resolvePath() === 'sdk' ? openPasskeyWindow(options.passkeyWindow) : null;
    let handedToPortal = false;
    const done = run(async (signal) => {
      if (!(await prepare(signal))) return;
      backup.setOptions(backupOptions());
      handedToPortal = true;
      await backup.start({ signal });
    }, input.signal);
    // Portal closes its window after the ceremony; one it never saw is ours to close.
    if (popup) void done.then(() => !handedToPortal && popup.close());
    return done;
  }

  function retry(input: { signal?: AbortSignal } = {}) {
    const snapshot = backup.getSnapshot();
    // Resume storage or notification; anything earlier starts over (registration is kept).
    if (snapshot.state === 'error' && (snapshot.error.stage === 'storing' || snapshot.error.stage === 'notifying')) {
      return run((signal) => backup.retry({ signal }), input.signal);
    }
    return start(input);
  }

  function reset() {
    if (running) return;
    backup.reset();
    const state = store.getSnapshot().state;
    if (state !== 'unsupported' && state !== 'checking') store.set({ state: 'idle', registered });
  }

  function setOptions(next: PasskeyFlowOptions) {
    options = next;
    prepareAhead();
    if (!running) backup.setOptions(backupOptions());
  }

  /**
   * Everything a start needs, done when the options are given: the options' check and, for the
   * direct path, its module (with @simplewebauthn/browser). Nothing is downloaded after the
   * click, which must reach navigator.credentials with its user activation.
   */
  function prepareAhead() {
    checks.check(options.passkey, pageOriginOf(options.pageOrigin)).catch(() => {});
    if (resolvePath() === 'direct') loadDirect().catch(() => {});
  }

  const support = checkSupport();
  prepareAhead();
  return { subscribe: store.subscribe, getSnapshot: store.getSnapshot, start, retry, reset, setOptions, resolvePath };
}
