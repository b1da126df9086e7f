import type { CallOptions, PortalFacade } from './portal-facade.js';
import type { BackupMethod, BackupResponse, ClientLike, MpcStatus, PortalLike } from './portal-like.js';

/**
 * Every Portal call the kit makes, one function each over the facade's `call`: one options
 * object for backup and recovery (the SDK's argument orders differ), a time limit, a signal,
 * and a BackupKitError on failure.
 */

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
  /** When the wallet's private keys were exported (getClient's `ejectedAt`); absent when never. */
  ejectedAt?: string;
  /** What getClient answered: the storage cross-check reads its pair ids and environment (lazily). */
  client?: ClientLike | null | undefined;
}

function progressFor(options: MpcCallOptions) {
  return (status: MpcStatus) => {
    if (!options.signal?.aborted) options.onProgress?.(status);
  };
}

/** An SDK method the call checked it has (CallSpec.requires), bound to Portal. */
function sdkMethod<K extends keyof PortalLike>(portal: PortalLike, name: K) {
  return (portal[name] as (...args: never[]) => unknown).bind(portal) as NonNullable<PortalLike[K]>;
}

export function backupWallet(facade: PortalFacade, options: BackupCallOptions): Promise<BackupResponse> {
  const configs = options.method === 'PASSWORD' ? { passwordStorage: { password: options.password ?? '' } } : {};
  return facade.call({ kind: 'backup', stage: 'backing-up', fallback: 'BACKUP_FAILED', limit: 'mpcMs' }, options, () =>
    facade.portal.backupWallet(options.method, progressFor(options), configs),
  );
}

export function recoverWallet(facade: PortalFacade, options: RecoverCallOptions): Promise<string> {
  const configs = options.password !== undefined ? { passwordStorage: { password: options.password } } : {};
  return facade.call(
    { kind: 'recover', stage: 'recovering', fallback: 'RECOVERY_FAILED', limit: 'mpcMs' },
    options,
    () => facade.portal.recoverWallet(options.cipherText, options.method, configs, progressFor(options)),
  );
}

export function reportStored(
  facade: PortalFacade,
  success: boolean,
  method: BackupMethod,
  options: CallOptions = {},
): Promise<void> {
  return facade.call(
    { kind: 'storedClientBackupShare', stage: 'notifying', fallback: 'NOTIFY_FAILED', limit: 'callMs' },
    options,
    () => facade.portal.storedClientBackupShare(success, method),
  );
}

export function createWallet(facade: PortalFacade, options: MpcCallOptions = {}): Promise<string> {
  return facade.call(
    { kind: 'generate', stage: 'backing-up', fallback: 'BACKUP_FAILED', limit: 'mpcMs', requires: 'createWallet' },
    options,
    () => sdkMethod(facade.portal, 'createWallet')(progressFor(options)),
  );
}

/** Which methods the wallet is backed up with: the same rule as the SDK's availableRecoveryMethods(). */
export function getBackupStatus(facade: PortalFacade, options: CallOptions = {}): Promise<BackupStatusSummary> {
  return facade.call(
    { kind: 'getClient', stage: 'status', fallback: 'UNKNOWN', limit: 'callMs', requires: 'getClient' },
    options,
    async () => summarize(await sdkMethod(facade.portal, 'getClient')()),
  );
}

/** Forgets the wallet on this device (Portal's clearLocalWallet): "lose the device". */
export function clearLocalWallet(facade: PortalFacade, options: CallOptions = {}): Promise<void> {
  return facade.call(
    { kind: 'destroy', stage: 'status', fallback: 'UNKNOWN', limit: 'callMs', requires: 'clearLocalWallet' },
    options,
    async () => {
      await sdkMethod(facade.portal, 'clearLocalWallet')();
    },
  );
}

/** Completed pairs, by method, once each. */
function summarize(client: ClientLike | null | undefined): BackupStatusSummary {
  const wallets = client?.wallets ?? [];
  const methods = new Set<BackupMethod>();
  for (const wallet of wallets) {
    for (const pair of wallet.backupSharePairs ?? []) {
      if (pair.status === 'completed' && pair.backupMethod) methods.add(pair.backupMethod as BackupMethod);
    }
  }
  const summary: BackupStatusSummary = { methods: [...methods], hasWallet: wallets.length > 0, client };
  if (client?.ejectedAt) summary.ejectedAt = client.ejectedAt;
  return summary;
}

/** Whether Portal knows a wallet for this client (on any device). */
export function doesWalletExist(facade: PortalFacade, options: CallOptions = {}): Promise<boolean> {
  return facade.call(
    { kind: 'getClient', stage: 'status', fallback: 'UNKNOWN', limit: 'callMs', requires: 'doesWalletExist' },
    options,
    () => sdkMethod(facade.portal, 'doesWalletExist')(),
  );
}

/** Whether this device holds the wallet's signing shares (both curves, as 3.4.1 asks). */
export function isWalletOnDevice(facade: PortalFacade, options: CallOptions = {}): Promise<boolean> {
  return facade.call(
    { kind: 'onDevice', stage: 'status', fallback: 'UNKNOWN', limit: 'callMs', requires: 'isWalletOnDevice' },
    options,
    () => sdkMethod(facade.portal, 'isWalletOnDevice')(),
  );
}
