import { describe, expect, it, vi } from 'vitest';
import { BackupKitError } from '../errors.js';
import { createLazyFlow, type LazyFlowShape } from './lazy-flow.js';
import { createStore } from './store.js';

type Snapshot =
  { state: 'checking' } | { state: 'idle' } | { state: 'done' } | { state: 'error'; error: BackupKitError };
type Options = { onError?: (error: BackupKitError) => void };

/** A loaded flow that goes to `done` when started. */
function loadedFlow(): LazyFlowShape<Snapshot, Options, void> {
  const store = createStore<Snapshot>({ state: 'idle' });
  const run = async () => (store.set({ state: 'done' }), store.getSnapshot());
  return { ...store, start: run, retry: run, reset: () => {}, setOptions: () => {} };
}

const lazy = (
  load: () => Promise<(options: Options) => LazyFlowShape<Snapshot, Options, void>>,
  options: Options = {},
) =>
  createLazyFlow<Snapshot, Options, void>(
    load,
    options,
    { state: 'checking' },
    (error) => ({ state: 'error', error }),
    'backing-up',
  );

describe('createLazyFlow', () => {
  it('stays in its placeholder (checking) until the chunk is in, then shows the loaded flow', async () => {
    let arrive!: (create: () => LazyFlowShape<Snapshot, Options, void>) => void;
    const flow = lazy(() => new Promise((resolve) => (arrive = resolve)));
    expect(flow.getSnapshot()).toEqual({ state: 'checking' });
    arrive(loadedFlow);
    await vi.waitFor(() => expect(flow.getSnapshot()).toEqual({ state: 'idle' }));
    expect(await flow.start()).toEqual({ state: 'done' });
  });

  it('a chunk that fails to load is a retryable typed error, told once; a retry loads it again without running', async () => {
    const onError = vi.fn();
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    load.mockResolvedValue(loadedFlow);
    const flow = lazy(load, { onError });
    await vi.waitFor(() => expect(flow.getSnapshot().state).toBe('error'));
    const snapshot = flow.getSnapshot() as { error: BackupKitError };
    expect(snapshot.error).toBeInstanceOf(BackupKitError);
    expect(snapshot.error).toMatchObject({ stage: 'backing-up', retryable: true });
    expect(onError).toHaveBeenCalledTimes(1);

    const retried = flow.retry();
    expect(flow.getSnapshot()).toEqual({ state: 'checking' });
    // Loaded again, and not run: the click that asked could not keep its activation over a download.
    expect(await retried).toEqual({ state: 'idle' });
    expect(load).toHaveBeenCalledTimes(2);
    expect(await flow.start()).toEqual({ state: 'done' });
  });
});
