import type { BackupKitError } from '../errors.js';
import type { CoreKit } from '../internal/core-kit.js';
import { createSerialQueue } from '../internal/serial-queue.js';
import type { CallOptions, CallSpec } from './portal-facade.js';
import type { PortalLike } from './portal-like.js';
import type { PortalTimeouts } from './portal-watch.js';

/**
 * How the facade waits for Portal and makes a call (see portal-facade.ts). What it needs from the
 * rest of core comes in the facade's kit: importing it here would make bundlers split the shared
 * code into a chunk of its own that every app loads up front.
 */
export interface FacadeState {
  portal: PortalLike;
  timeouts: Required<PortalTimeouts>;
  queues: Map<string, ReturnType<typeof createSerialQueue>>;
  /** Set once Portal reported an initialization error. */
  initError: BackupKitError | undefined;
  initFailure(reason: unknown): BackupKitError;
  kit: CoreKit;
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
  return state.kit.withDeadline(ready, {
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
      const { requires } = spec;
      if (requires && typeof state.portal[requires] !== 'function') {
        throw new state.kit.BackupKitError('NOT_SUPPORTED', {
          stage: spec.stage,
          message: `This Portal SDK has no ${String(requires)}().`,
        });
      }
      return run();
    });
    return await state.kit.withDeadline(pending, {
      timeoutMs: options.timeoutMs ?? state.timeouts[spec.limit],
      signal: options.signal,
      stage: spec.stage,
    });
  } catch (error) {
    throw state.kit.toBackupKitError(error, spec.stage, spec.fallback);
  }
}
