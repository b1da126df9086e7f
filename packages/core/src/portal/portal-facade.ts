import { BackupKitError, toBackupKitError, type BackupKitErrorCode, type BackupKitStage } from '../errors.js';
import { withDeadline } from '../internal/deadline.js';
import { createSerialQueue } from '../internal/serial-queue.js';
import type { BackupMethod, BackupResponse, ClientLike, MpcStatus, PortalLike } from './portal-like.js';
import { detectSdkFeatures, type SdkFeatures } from './sdk-features.js';

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

export interface MpcCallOptions extends CallOptions {
  onProgress?: ((status: MpcStatus) => void) | undefined;
}

export interface BackupCallOptions extends MpcCallOptions {
  method: BackupMethod;
  /** Required for PASSWORD; Portal encrypts the backup share with it. */
  password?: string | undefined;
}

export interface RecoverCallOptions extends MpcCallOptions {
  method: BackupMethod;
  /** The stored cipherText; '' when Portal stores it (Portal-managed backups). */
  cipherText: string;
  password?: string | undefined;
}

export interface BackupStatusSummary {
  /** Methods with a completed backup share pair, as availableRecoveryMethods() reports them. */
  methods: BackupMethod[];
  hasWallet: boolean;
}

export interface PortalFacade {
  readonly portal: PortalLike;
  readonly features: SdkFeatures;
  whenReady(options?: CallOptions): Promise<void>;
  createWallet(options?: MpcCallOptions): Promise<string>;
  backup(options: BackupCallOptions): Promise<BackupResponse>;
  recover(options: RecoverCallOptions): Promise<string>;
  reportStored(success: boolean, method: BackupMethod, options?: CallOptions): Promise<void>;
  getBackupStatus(options?: CallOptions): Promise<BackupStatusSummary>;
  clearLocalWallet(options?: CallOptions): Promise<void>;
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
    facade = createPortalFacade(portal, timeouts);
    facades.set(portal, facade);
  }
  return facade;
}

function createPortalFacade(portal: PortalLike, timeoutOverrides: PortalTimeouts = {}): PortalFacade {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...timeoutOverrides };
  const queues = new Map<string, ReturnType<typeof createSerialQueue>>();
  let initError: BackupKitError | undefined;
  let backupOwner: object | undefined;

  // Registered at once: the SDK calls onInitializationError only at the moment it fails.
  if (!portal.ready) {
    portal.onInitializationError?.((reason) => {
      initError = initFailure(reason);
    });
  }

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
    }).catch((error: unknown) => {
      if (error instanceof BackupKitError && error.code === 'TIMEOUT') {
        throw new BackupKitError('PORTAL_NOT_READY', { stage: 'initializing', cause: error });
      }
      throw error;
    });
  }

  /**
   * Every SDK call goes through here: wait for ready, queue behind calls of the same kind,
   * apply the time limit and the signal, and normalize the failure.
   */
  async function call<T>(
    kind: string,
    stage: BackupKitStage,
    fallback: BackupKitErrorCode,
    options: CallOptions,
    defaultTimeoutMs: number,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      await whenReady({ signal: options.signal });
      let queue = queues.get(kind);
      if (!queue) {
        queue = createSerialQueue();
        queues.set(kind, queue);
      }
      const pending = queue(() => {
        options.signal?.throwIfAborted();
        return run();
      });
      return await withDeadline(pending, {
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        signal: options.signal,
        stage,
      });
    } catch (error) {
      throw toBackupKitError(error, stage, fallback);
    }
  }

  function progressFor(options: MpcCallOptions) {
    return (status: MpcStatus) => {
      if (!options.signal?.aborted) options.onProgress?.(status);
    };
  }

  function sdkMethod<K extends keyof PortalLike>(name: K, stage: BackupKitStage): NonNullable<PortalLike[K]> {
    const member = portal[name];
    if (typeof member !== 'function') {
      throw new BackupKitError('NOT_SUPPORTED', { stage, message: `This Portal SDK has no ${String(name)}().` });
    }
    return member.bind(portal) as NonNullable<PortalLike[K]>;
  }

  return {
    portal,
    features: detectSdkFeatures(portal),
    whenReady,

    createWallet(options = {}) {
      return call('generate', 'backing-up', 'BACKUP_FAILED', options, timeouts.mpcMs, () =>
        sdkMethod('createWallet', 'backing-up')(progressFor(options)),
      );
    },

    backup(options) {
      const configs = options.method === 'PASSWORD' ? { passwordStorage: { password: options.password ?? '' } } : {};
      return call('backup', 'backing-up', 'BACKUP_FAILED', options, timeouts.mpcMs, () =>
        portal.backupWallet(options.method, progressFor(options), configs),
      );
    },

    recover(options) {
      const configs = options.password !== undefined ? { passwordStorage: { password: options.password } } : {};
      return call('recover', 'recovering', 'RECOVERY_FAILED', options, timeouts.mpcMs, () =>
        portal.recoverWallet(options.cipherText, options.method, configs, progressFor(options)),
      );
    },

    reportStored(success, method, options = {}) {
      return call('storedClientBackupShare', 'notifying', 'NOTIFY_FAILED', options, timeouts.callMs, () =>
        portal.storedClientBackupShare(success, method),
      );
    },

    getBackupStatus(options = {}) {
      return call('getClient', 'status', 'UNKNOWN', options, timeouts.callMs, async () => {
        // availableRecoveryMethods() reads getClient() itself; one getClient here serves both.
        const client = await sdkMethod('getClient', 'status')();
        return summarize(client);
      });
    },

    clearLocalWallet(options = {}) {
      return call('destroy', 'status', 'UNKNOWN', options, timeouts.callMs, async () => {
        await sdkMethod('clearLocalWallet', 'status')();
      });
    },

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

/** The same rule as the SDK's availableRecoveryMethods(): completed pairs, by method, once each. */
function summarize(client: ClientLike | null | undefined): BackupStatusSummary {
  const wallets = client?.wallets ?? [];
  const methods = new Set<BackupMethod>();
  for (const wallet of wallets) {
    for (const pair of wallet.backupSharePairs ?? []) {
      if (pair.status === 'completed' && pair.backupMethod) methods.add(pair.backupMethod as BackupMethod);
    }
  }
  return { methods: [...methods], hasWallet: wallets.length > 0 };
}

function initFailure(reason: unknown): BackupKitError {
  const portalCode =
    typeof reason === 'object' && reason !== null && 'code' in reason
      ? ((reason as { code: unknown }).code as number | string)
      : undefined;
  return new BackupKitError('PORTAL_INIT_FAILED', {
    stage: 'initializing',
    cause: reason,
    ...(typeof portalCode === 'number' || typeof portalCode === 'string' ? { portalCode } : {}),
  });
}
