import { toBackupKitError, type BackupKitError, type BackupKitErrorCode, type BackupKitStage } from '../errors.js';
import { createLazyStore } from './lazy-store.js';

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
 * window.open and navigator.credentials with its user activation. Until then the flow shows its
 * placeholder (a `checking` state, whose trigger waits); a start called anyway waits for the chunk.
 * A chunk that fails to load is a retryable error state; start or retry then loads it again and
 * shows the placeholder meanwhile, without running (a click's activation would not survive the
 * download), so the next click runs the flow.
 */
export function createLazyFlow<S, O extends { onError?: ((error: BackupKitError) => void) | undefined }, I>(
  load: () => Promise<(options: O) => LazyFlowShape<S, O, I>>,
  initial: O,
  placeholder: S,
  failed: (error: BackupKitError) => S,
  stage: BackupKitStage,
  /** The code of a failed load (a network failure, retryable). */
  fallback?: BackupKitErrorCode,
): LazyFlowShape<S, O, I> & { loaded(): LazyFlowShape<S, O, I> | undefined } {
  let options = initial;
  let loadFailed = false;
  const lazy = createLazyStore<S, LazyFlowShape<S, O, I>>(
    () => load().then((create) => create(options)),
    placeholder,
    (error) => {
      loadFailed = true;
      const failure = toBackupKitError(error, stage, fallback);
      options.onError?.(failure);
      return failed(failure);
    },
  );

  const act = (name: 'start' | 'retry') => (input?: I) => {
    const inner = lazy.loaded();
    if (inner) return inner[name](input);
    // A failed load is told once, by the mount's load.
    if (!loadFailed) return lazy.ensureLoaded().then((flow) => flow[name](input), lazy.getSnapshot);
    // After a failed load: load again, and leave the run to the next click.
    loadFailed = false;
    lazy.set(placeholder);
    return lazy.ensureLoaded().then((flow) => flow.getSnapshot(), lazy.fail);
  };

  return {
    subscribe: lazy.subscribe,
    getSnapshot: lazy.getSnapshot,
    start: act('start'),
    retry: act('retry'),
    reset: () => lazy.loaded()?.reset(),
    setOptions(next) {
      options = next;
      lazy.loaded()?.setOptions(next);
    },
    loaded: lazy.loaded,
  };
}
