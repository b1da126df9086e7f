import { toBackupKitError, type BackupKitError, type BackupKitStage } from '../errors.js';
import { createStore } from './store.js';

/** The shape of every flow a component holds: a store with actions and replaceable options. */
export interface LazyFlowShape<S, O, I> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
  start(input?: I): Promise<S>;
  retry(input?: I): Promise<S>;
  reset(): void;
  setOptions(options: O): void;
}

/**
 * A flow whose code is a lazy chunk: the chunk loads as soon as the flow is made (a component's
 * mount), then the loaded flow answers everything, synchronously, so a click still reaches
 * window.open and navigator.credentials with its user activation. A click that comes first waits
 * for the chunk; a chunk that fails to load is an error state and is loaded again by the next click.
 */
export function createLazyFlow<S, O extends { onError?: ((error: BackupKitError) => void) | undefined }, I>(
  load: () => Promise<(options: O) => LazyFlowShape<S, O, I>>,
  initial: O,
  placeholder: S,
  failed: (error: BackupKitError) => S,
  stage: BackupKitStage,
): LazyFlowShape<S, O, I> & { loaded(): LazyFlowShape<S, O, I> | undefined; options(): O } {
  const store = createStore(placeholder);
  let options = initial;
  let inner: LazyFlowShape<S, O, I> | undefined;
  let loading: Promise<LazyFlowShape<S, O, I>> | undefined;

  function loadFlow() {
    loading ??= load().then((create) => {
      const flow = (inner = create(options));
      flow.subscribe(() => store.set(flow.getSnapshot()));
      store.set(flow.getSnapshot());
      return flow;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  }

  const act = (name: 'start' | 'retry') => (input?: I) =>
    inner
      ? inner[name](input)
      : loadFlow().then(
          (flow) => flow[name](input),
          (error: unknown) => {
            const failure = toBackupKitError(error, stage);
            store.set(failed(failure));
            options.onError?.(failure);
            return store.getSnapshot();
          },
        );

  loadFlow().catch(() => {});
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    start: act('start'),
    retry: act('retry'),
    reset: () => inner?.reset(),
    setOptions(next) {
      options = next;
      inner?.setOptions(next);
    },
    loaded: () => inner,
    options: () => options,
  };
}
