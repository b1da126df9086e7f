import { toBackupKitError } from '../errors.js';
import { loadOnce } from '../internal/load-once.js';
import { createLazyStore } from '../internal/lazy-store.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { RecoverInput, RecoveryFlow, RecoveryFlowOptions } from './recovery-flow.js';
import { coreKit } from '../internal/core-kit.js';
import type { RecoverySnapshot } from './recovery-snapshot.js';

/** The recovery's code (recovery-flow.ts), one chunk for every flow; a failed load is not kept. */
const loadRecoveryFlow = loadOnce(() => import('./recovery-flow.js'));

/**
 * createRecoveryFlow as the package exports it: the recovery's code is a lazy chunk that loads
 * as soon as the flow is made (a component's mount), while the flow shows `loading` — the state
 * a recovery starts in anyway, until its first refresh lists the methods. A method can only be
 * chosen after that refresh, so a recovery's click (Portal's passkey window opens inside it)
 * never waits for the download. A chunk that fails to load is a retryable `error`; refresh (or
 * a retry) loads it again.
 */
export function createRecoveryFlow(portal: PortalLike, initialOptions: RecoveryFlowOptions = {}): RecoveryFlow {
  coreKit.watchPortal(portal);
  let options = initialOptions;
  const lazy = createLazyStore<RecoverySnapshot, RecoveryFlow>(
    () => loadRecoveryFlow().then((code) => code.makeRecoveryFlow(coreKit, portal, options)),
    { state: 'loading' },
    (cause) => {
      const error = toBackupKitError(cause, 'status');
      options.onError?.(error);
      return { state: 'error', method: undefined, methods: [], error };
    },
  );
  return {
    subscribe: lazy.subscribe,
    getSnapshot: lazy.getSnapshot,
    refresh: () => lazy.whenLoaded((flow) => flow.refresh()),
    recover: (input: RecoverInput) => lazy.whenLoaded((flow) => flow.recover(input)),
    reset: () => lazy.loaded()?.reset(),
    setOptions(next) {
      options = next;
      lazy.loaded()?.setOptions(next);
    },
  };
}
