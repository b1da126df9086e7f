import {
  BackupKitError,
  readPortalCode,
  toBackupKitError,
  type BackupKitErrorCode,
  type BackupKitStage,
} from '../errors.js';
import { withDeadline } from '../internal/deadline.js';
import { loadOnce } from '../internal/load-once.js';
import type { FacadeState, call, whenReady } from './facade-calls.js';
import type { PortalLike } from './portal-like.js';

export interface PortalTimeouts {
  /** How long to wait for Portal's iframe to become ready. @default 15000 */
  readyMs?: number;
  /** Backup, recovery and wallet creation (MPC work). @default 180000 */
  mpcMs?: number;
  /** Every other call (notify, status, clear). @default 30000 */
  callMs?: number;
}

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
 * component on one Portal shares the same call queues and the same backup lock.
 */
export function getPortalFacade(portal: PortalLike, timeouts?: PortalTimeouts): PortalFacade {
  let facade = facades.get(portal);
  if (!facade) {
    facade = createPortalFacade(portal, { ...DEFAULT_TIMEOUTS, ...timeouts });
    facades.set(portal, facade);
  }
  return facade;
}

type FacadeCalls = { whenReady: typeof whenReady; call: typeof call };

/**
 * How the facade waits and calls (facade-calls.ts), loaded once: every facade starts the load when
 * it is made, before anything is called. A failed load is not kept; the next call loads again.
 */
const loadFacadeCalls = loadOnce<FacadeCalls>(() => import('./facade-calls.js'));

function createPortalFacade(portal: PortalLike, timeouts: Required<PortalTimeouts>): PortalFacade {
  const state: FacadeState = {
    portal,
    timeouts,
    queues: new Map(),
    initError: undefined,
    initFailure,
    withDeadline,
    toBackupKitError,
  };
  let backupOwner: object | undefined;

  // Registered at once: the SDK calls onInitializationError only at the moment it fails.
  if (!portal.ready) portal.onInitializationError?.((reason) => (state.initError = initFailure(reason)));
  loadFacadeCalls().catch(() => {});

  return {
    portal,
    whenReady: (options) =>
      loadFacadeCalls().then(
        (calls) => calls.whenReady(state, options),
        // The kit's own chunk did not arrive (a network failure): worth another try.
        (cause: unknown) => Promise.reject(new BackupKitError('PORTAL_NOT_READY', { stage: 'initializing', cause })),
      ),
    call: (spec, options, run) =>
      loadFacadeCalls().then(
        (calls) => calls.call(state, spec, options, run),
        (cause: unknown) => Promise.reject(new BackupKitError(spec.fallback, { stage: spec.stage, cause })),
      ),
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

function initFailure(reason: unknown): BackupKitError {
  return new BackupKitError('PORTAL_INIT_FAILED', {
    stage: 'initializing',
    cause: reason,
    portalCode: readPortalCode(reason),
  });
}
