import type { BackupKitError, toBackupKitError } from '../errors.js';
import type { withDeadline } from '../internal/deadline.js';
import { createSerialQueue } from '../internal/serial-queue.js';
import type { CallOptions, CallSpec, PortalTimeouts } from './portal-facade.js';
import type { PortalLike } from './portal-like.js';

/**
 * How the facade waits for Portal and makes a call, loaded with import() when the facade is made
 * (see portal-facade.ts), so it is in place before anything is called. What it needs from the rest
 * of core is handed over: importing it here would make bundlers split the shared code into a
 * chunk of its own that every app loads up front.
 */
export interface FacadeState {
  portal: PortalLike;
  timeouts: Required<PortalTimeouts>;
  queues: Map<string, ReturnType<typeof createSerialQueue>>;
  /** Set once Portal reported an initialization error. */
  initError: BackupKitError | undefined;
  initFailure(reason: unknown): BackupKitError;
  withDeadline: typeof withDeadline;
  toBackupKitError: typeof toBackupKitError;
}

export function whenReady(state: FacadeState, options: CallOptions = {}): Promise<void> {
  const { portal } = state;
  if (portal.ready) return Promise.resolve();
  if (state.initError) return Promise.reject(state.initError);
  const ready = new Promise<void>((resolve, reject) => {
    const offReady = portal.onReady(() => {
      offError?.();
      resolve();
    });
    const offError = portal.onInitializationError?.((reason) => {
      if (typeof offReady === 'function') offReady();
      reject(state.initFailure(reason));
    });
  });
  return state.withDeadline(ready, {
    timeoutMs: options.timeoutMs ?? state.timeouts.readyMs,
    signal: options.signal,
    stage: 'initializing',
    timeoutCode: 'PORTAL_NOT_READY',
  });
}

export async function call<T>(state: FacadeState, spec: CallSpec, options: CallOptions, run: () => Promise<T>) {
  try {
    await whenReady(state, { signal: options.signal });
    let queue = state.queues.get(spec.kind);
    if (!queue) state.queues.set(spec.kind, (queue = createSerialQueue()));
    const pending = queue(() => {
      options.signal?.throwIfAborted();
      return run();
    });
    return await state.withDeadline(pending, {
      timeoutMs: options.timeoutMs ?? state.timeouts[spec.limit],
      signal: options.signal,
      stage: spec.stage,
    });
  } catch (error) {
    throw state.toBackupKitError(error, spec.stage, spec.fallback);
  }
}
