import { createStore, type ReadableStore } from './store.js';

/**
 * A store whose code is a lazy chunk: `load` starts at once (a component's mount) and gives the
 * real store, which then answers through this one. Until then it shows `placeholder`; a load that
 * fails shows `failed(cause)`, and the next `whenLoaded` loads again (a network failure is worth
 * another try). The lazy flows (backup, recovery, status) are this plus their own actions.
 */
export function createLazyStore<S, F extends ReadableStore<S>>(
  load: () => Promise<F>,
  placeholder: S,
  failed: (cause: unknown) => S,
) {
  const store = createStore(placeholder);
  let inner: F | undefined;
  let loading: Promise<F> | undefined;

  function ensureLoaded() {
    loading ??= load().then((flow) => {
      inner = flow;
      flow.subscribe(() => store.set(flow.getSnapshot()));
      store.set(flow.getSnapshot());
      return flow;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  }

  function fail(cause: unknown) {
    store.set(failed(cause));
    return store.getSnapshot();
  }

  ensureLoaded().catch(fail);
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    set: store.set,
    /** The real store, once its code is in. */
    loaded: () => inner,
    ensureLoaded,
    fail,
    /** Runs on the real store; before it is in, waits for it (loading it again after a failure). */
    whenLoaded: (run: (flow: F) => Promise<S>): Promise<S> => (inner ? run(inner) : ensureLoaded().then(run, fail)),
  };
}
