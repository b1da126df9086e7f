import { toBackupKitError } from '../errors.js';
import { loadOnce } from '../internal/load-once.js';
import { createStore } from '../internal/store.js';
import type { PortalLike } from '../portal/portal-like.js';
import type { RecoverInput, RecoveryFlow, RecoveryFlowOptions } from './recovery-flow.js';
import { recoveryKit } from './recovery-kit.js';
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
  const store = createStore<RecoverySnapshot>({ state: 'loading' });
  let options = initialOptions;
  let inner: RecoveryFlow | undefined;
  let loading: Promise<RecoveryFlow> | undefined;

  function load() {
    loading ??= loadRecoveryFlow().then((code) => {
      const flow = (inner = code.makeRecoveryFlow(recoveryKit, portal, options));
      flow.subscribe(() => store.set(flow.getSnapshot()));
      store.set(flow.getSnapshot());
      return flow;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  }

  function fail(cause: unknown) {
    const error = toBackupKitError(cause, 'status');
    store.set({ state: 'error', method: undefined, methods: [], error });
    options.onError?.(error);
    return store.getSnapshot();
  }

  const whenLoaded = (run: (flow: RecoveryFlow) => Promise<RecoverySnapshot>) =>
    inner ? run(inner) : load().then(run, fail);

  load().catch(fail);
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    refresh: () => whenLoaded((flow) => flow.refresh()),
    recover: (input: RecoverInput) => whenLoaded((flow) => flow.recover(input)),
    reset: () => inner?.reset(),
    setOptions(next) {
      options = next;
      inner?.setOptions(next);
    },
  };
}
