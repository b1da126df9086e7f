import {
  BackupKitError,
  readPortalCode,
  toBackupKitError,
  type BackupKitErrorCode,
  type BackupKitStage,
} from '../errors.js';
import { withDeadline } from '../internal/deadline.js';
import { createSerialQueue } from '../internal/serial-queue.js';
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

function createPortalFacade(portal: PortalLike, timeouts: Required<PortalTimeouts>): PortalFacade {
  const queues = new Map<string, ReturnType<typeof createSerialQueue>>();
  let initError: BackupKitError | undefined;
  let backupOwner: object | undefined;

  // Registered at once: the SDK calls onInitializationError only at the moment it fails.
  if (!portal.ready) portal.onInitializationError?.((reason) => (initError = initFailure(reason)));

  function whenReady(options: CallOptions = {}): Promise<void> {
    if (portal.ready) return Promise.resolve();
    if (initError) return Promise.reject(initError);
    const ready = new Promise<void>((resolve, reject) => {
      const offReady = portal.onReady(() => {
        offError?.();
        resolve();
      });
      const offError = portal.onInitializationError?.((reason) => {
        if (typeof offReady === 'function') offReady();
        reject(initFailure(reason));
      });
    });
    return withDeadline(ready, {
      timeoutMs: options.timeoutMs ?? timeouts.readyMs,
      signal: options.signal,
      stage: 'initializing',
      timeoutCode: 'PORTAL_NOT_READY',
    });
  }

  async function call<T>(spec: CallSpec, options: CallOptions, run: () => Promise<T>): Promise<T> {
    try {
      await whenReady({ signal: options.signal });
      let queue = queues.get(spec.kind);
      if (!queue) queues.set(spec.kind, (queue = createSerialQueue()));
      const pending = queue(() => {
        options.signal?.throwIfAborted();
        return run();
      });
      return await withDeadline(pending, {
        timeoutMs: options.timeoutMs ?? timeouts[spec.limit],
        signal: options.signal,
        stage: spec.stage,
      });
    } catch (error) {
      throw toBackupKitError(error, spec.stage, spec.fallback);
    }
  }

  return {
    portal,
    whenReady,
    call,
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
