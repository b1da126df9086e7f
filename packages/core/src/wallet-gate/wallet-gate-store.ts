import type { BackupKitError } from '../errors.js';
import type { CoreKit } from '../internal/core-kit.js';
import type { ReadableStore } from '../internal/store.js';
import { createWallet, doesWalletExist, isWalletOnDevice } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal/portal-facade.js';

// A lazy chunk (see lazy-wallet-gate-store.ts): it imports nothing the eager code has (only types
// and lazy-only modules); what it uses of the rest of core comes in as `kit` (core-kit.ts).
import type { MpcStatus, PortalLike } from '../portal/portal-like.js';

/**
 * Where the wallet is in its life, also written on the DOM as data-state. `backup` follows a
 * wallet created here (seed 000: back up at once); `on-device` is the app's.
 */
export type WalletGateSnapshot =
  | { state: 'checking' }
  | { state: 'no-wallet' }
  | { state: 'creating'; status: MpcStatus | null }
  | { state: 'backup'; address: string }
  | { state: 'not-on-device' }
  | { state: 'on-device' }
  | { state: 'error'; during: 'checking' | 'creating'; error: BackupKitError };

export type WalletGateState = WalletGateSnapshot['state'];

export interface WalletGateStore extends ReadableStore<WalletGateSnapshot> {
  /** Asks Portal again whether a wallet exists and is on this device; the last check started wins. */
  check(): Promise<WalletGateSnapshot>;
  /** Creates the wallet (only from `no-wallet`, or after creating failed), then asks for the backup. */
  create(): Promise<WalletGateSnapshot>;
  /** After an error: checks again, or creates again when creating failed. */
  retry(): Promise<WalletGateSnapshot>;
  /** Leaves the backup step for later (the app's reminder then shows while nothing is backed up). */
  skipBackup(): void;
}

/**
 * The wallet's lifecycle as a store over Portal's doesWalletExist / isWalletOnDevice. It starts
 * `checking` and asks nothing until `check()` is called.
 */
export function makeWalletGateStore(kit: CoreKit, portal: PortalLike): WalletGateStore {
  const { createStore, toBackupKitError } = kit;
  const facade = getPortalFacade(portal, kit);
  const store = createStore<WalletGateSnapshot>({ state: 'checking' });
  let latest = 0;
  let creating: Promise<WalletGateSnapshot> | undefined;

  async function check(): Promise<WalletGateSnapshot> {
    if (creating) return creating;
    const run = ++latest;
    store.set({ state: 'checking' });
    let next: WalletGateSnapshot;
    try {
      if (!(await doesWalletExist(facade))) next = { state: 'no-wallet' };
      else next = (await isWalletOnDevice(facade)) ? { state: 'on-device' } : { state: 'not-on-device' };
    } catch (error) {
      next = { state: 'error', during: 'checking', error: toBackupKitError(error, 'status') };
    }
    // A check that settles after a newer one (or a create) started must not replace it.
    if (run === latest) store.set(next);
    return store.getSnapshot();
  }

  function create(): Promise<WalletGateSnapshot> {
    const current = store.getSnapshot();
    if (creating) return creating;
    const allowed = current.state === 'no-wallet' || (current.state === 'error' && current.during === 'creating');
    if (!allowed) return Promise.resolve(current);
    ++latest;
    store.set({ state: 'creating', status: null });
    creating = createWallet(facade, {
      onProgress: (status) => {
        if (store.getSnapshot().state === 'creating') store.set({ state: 'creating', status });
      },
    })
      .then(
        (address): WalletGateSnapshot => ({ state: 'backup', address }),
        (error: unknown): WalletGateSnapshot => ({
          state: 'error',
          during: 'creating',
          error: toBackupKitError(error, 'backing-up'),
        }),
      )
      .then((next) => {
        creating = undefined;
        store.set(next);
        return next;
      });
    return creating;
  }

  function retry(): Promise<WalletGateSnapshot> {
    const current = store.getSnapshot();
    if (current.state !== 'error') return Promise.resolve(current);
    return current.during === 'creating' ? create() : check();
  }

  function skipBackup() {
    if (store.getSnapshot().state === 'backup') store.set({ state: 'on-device' });
  }

  return { subscribe: store.subscribe, getSnapshot: store.getSnapshot, check, create, retry, skipBackup };
}
