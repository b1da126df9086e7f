import { toBackupKitError } from '../errors.js';
import { coreKit } from '../internal/core-kit.js';
import { createLazyStore } from '../internal/lazy-store.js';
import { loadOnce } from '../internal/load-once.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { WalletGateSnapshot, WalletGateStore } from './wallet-gate-store.js';

/** The gate's code (wallet-gate-store.ts), one chunk for every store; a failed load is not kept. */
const loadWalletGateStore = loadOnce(() => import('./wallet-gate-store.js'));

/**
 * createWalletGateStore as the package exports it: the store's code (with the facade and Portal's
 * calls) is a lazy chunk that loads as soon as the store is made, while it shows `checking` — the
 * state it starts in anyway, until its first check. A chunk that fails to load is a retryable
 * `error` while checking; retry (or check) loads it again.
 */
export function createWalletGateStore(portal: PortalLike): WalletGateStore {
  coreKit.watchPortal(portal);
  const lazy = createLazyStore<WalletGateSnapshot, WalletGateStore>(
    () => loadWalletGateStore().then((code) => code.makeWalletGateStore(coreKit, portal)),
    { state: 'checking' },
    (cause) => ({ state: 'error', during: 'checking', error: toBackupKitError(cause, 'status') }),
  );
  return {
    subscribe: lazy.subscribe,
    getSnapshot: lazy.getSnapshot,
    check: () => lazy.whenLoaded((store) => store.check()),
    create: () => lazy.whenLoaded((store) => store.create()),
    // Before the code is in, the only error is its failed load: retrying that is checking again.
    retry: () => lazy.loaded()?.retry() ?? lazy.whenLoaded((store) => store.check()),
    skipBackup: () => lazy.loaded()?.skipBackup(),
  };
}
