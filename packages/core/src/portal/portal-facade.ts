import type { BackupKitError, BackupKitErrorCode, BackupKitStage } from '../errors.js';
import type { CoreKit } from '../internal/core-kit.js';
import { call, whenReady, type FacadeState } from './facade-calls.js';
import type { PortalLike } from './portal-like.js';
import type { PortalTimeouts } from './portal-watch.js';

// Only in lazy chunks (the flows' and the status's code, createPortal's work), which hand it core's
// kit; apps reach it through `@backup-kit/core/portal` (portal.ts).

export type { PortalTimeouts } from './portal-watch.js';

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the facade's time limit for this one call. */
  timeoutMs?: number | undefined;
}

/** How one SDK call is made: its queue, its stage, the error it fails with, its time limit. */
export interface CallSpec {
  /** Calls of one kind are queued one after another. */
  kind: string;
  stage: BackupKitStage;
  fallback: BackupKitErrorCode;
  /** Which of the facade's time limits applies when the caller gives none. */
  limit: 'mpcMs' | 'callMs';
  /** The SDK method the call needs: an SDK without it fails with NOT_SUPPORTED, reaching nothing. */
  requires?: keyof PortalLike;
}

/**
 * The safe way to call one Portal instance. The calls themselves (backup, recover, ...) are
 * small functions in portal-calls.ts over `call`, so an app bundles only the ones it uses.
 */
export interface PortalFacade {
  readonly portal: PortalLike;
  whenReady(options?: CallOptions): Promise<void>;
  /** Waits for ready, queues behind same-kind calls, applies the time limit and the signal, normalizes the failure. */
  call<T>(spec: CallSpec, options: CallOptions, run: () => Promise<T>): Promise<T>;
  /** One backup at a time per Portal instance, whichever component starts it. */
  tryLockBackup(owner: object): boolean;
  unlockBackup(owner: object): void;
}

const DEFAULT_TIMEOUTS: Required<PortalTimeouts> = { readyMs: 15_000, mpcMs: 180_000, callMs: 30_000 };

const facades = new WeakMap<PortalLike, PortalFacade>();

/**
 * The facade for a Portal instance. It is created once per instance and shared, so every
 * component on one Portal shares the same call queues and the same backup lock. Its time limits
 * are `timeouts`, else those set with configurePortalTimeouts, else the defaults.
 */
export function getPortalFacade(portal: PortalLike, kit: CoreKit, timeouts?: PortalTimeouts): PortalFacade {
  let facade = facades.get(portal);
  if (!facade) {
    facade = createPortalFacade(portal, { ...DEFAULT_TIMEOUTS, ...kit.timeoutsFor(portal), ...timeouts }, kit);
    facades.set(portal, facade);
  }
  return facade;
}

function createPortalFacade(portal: PortalLike, timeouts: Required<PortalTimeouts>, kit: CoreKit): PortalFacade {
  const initFailure = (reason: unknown): BackupKitError =>
    new kit.BackupKitError('PORTAL_INIT_FAILED', {
      stage: 'initializing',
      cause: reason,
      portalCode: kit.readPortalCode(reason),
    });
  // A failure before this facade was made was heard by watchPortal (every flow's shell calls it at once).
  kit.watchPortal(portal);
  const earlier = kit.initErrorOf(portal);
  const state: FacadeState = {
    portal,
    timeouts,
    queues: new Map(),
    initError: earlier && initFailure(earlier.reason),
    initFailure,
    kit,
  };
  let backupOwner: object | undefined;

  // Registered at once: the SDK calls onInitializationError only at the moment it fails.
  if (!portal.ready) portal.onInitializationError?.((reason) => (state.initError = initFailure(reason)));

  return {
    portal,
    whenReady: (options) => whenReady(state, options),
    call: (spec, options, run) => call(state, spec, options, run),
    tryLockBackup(owner) {
      if (backupOwner && backupOwner !== owner) return false;
      backupOwner = owner;
      return true;
    },
    unlockBackup(owner) {
      if (backupOwner === owner) backupOwner = undefined;
    },
  };
}
