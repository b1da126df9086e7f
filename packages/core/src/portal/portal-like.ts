/**
 * The kit's own structural view of the Portal SDK: only what it calls. The SDK's published
 * types break strict consumers (see the README), so nothing here is imported from
 * @portal-hq/web; a real `Portal` instance is assignable to PortalLike.
 */

/** The BackupMethods values of @portal-hq/web 3.4.1 (what the emulator speaks). */
export type PortalBackupMethod = 'GDRIVE' | 'PASSWORD' | 'PASSKEY' | 'UNKNOWN';

/**
 * The methods the kit starts a backup with: Portal's, plus the seed's CUSTOM (passkey direct
 * path). The one definition; the server and the emulator take it from here. What the server
 * *accepts* is wider: see `UserBackupShareMethod` and `CustodianBackupMethod`.
 */
export type BackupMethod = PortalBackupMethod | 'CUSTOM';

/** The MpcStatuses strings the iframe reports while it works. */
export type MpcStatusName =
  | 'Reading share'
  | 'Generating share'
  | 'Parsing share'
  | 'Encrypting share'
  | 'Storing share'
  | 'Decrypting share'
  | 'Recovering backup share'
  | 'Recovering signing share'
  | 'Done';

export interface MpcStatus {
  status: MpcStatusName | (string & {});
  done: boolean;
}

export type ProgressCallback = (status: MpcStatus) => void | Promise<void>;

export interface BackupConfigs {
  passwordStorage?: { password: string };
}

export interface BackupResponse {
  cipherText: string;
  storageCallback?: () => Promise<void>;
}

/** The subset of Portal's ClientResponse the kit reads; every field is optional on purpose. */
export interface ClientLike {
  id?: string;
  address?: string;
  metadata?: {
    namespaces?: Partial<Record<string, { address?: string; curve?: string }>>;
  };
  wallets?: Array<{
    id?: string;
    curve?: string;
    backupSharePairs?: Array<{ id?: string; status?: string; backupMethod?: string; createdAt?: string }>;
  }>;
  environment?: { backupWithPortalEnabled?: boolean };
  /** When the wallet's private keys were exported (eject); null or absent when never. */
  ejectedAt?: string | null;
}

/** The seed's passkey options as Portal documents them (customDomain etc.). */
export interface PasskeyOptions {
  customDomain: string;
  relyingPartyId: string;
  relyingPartyName: string;
  usePopup?: boolean;
}

export interface PortalLike {
  readonly ready?: boolean;
  address?: string | undefined;
  onReady(callback: () => unknown): (() => void) | void;
  onInitializationError?(callback: (reason: unknown) => unknown): (() => void) | void;

  createWallet?(progress?: ProgressCallback): Promise<string>;
  backupWallet(
    backupMethod: BackupMethod,
    progress?: ProgressCallback,
    backupConfigs?: BackupConfigs,
  ): Promise<BackupResponse>;
  recoverWallet(
    cipherText: string,
    backupMethod: BackupMethod,
    backupConfigs?: BackupConfigs,
    progress?: ProgressCallback,
  ): Promise<string>;
  storedClientBackupShare(success: boolean, backupMethod: BackupMethod): Promise<void>;

  getClient?(): Promise<ClientLike | null | undefined>;
  availableRecoveryMethods?(chainId?: string): Promise<string[]>;
  isWalletBackedUp?(chainId?: string): Promise<boolean | undefined>;
  isWalletOnDevice?(chainId?: string): Promise<boolean>;
  doesWalletExist?(chainId?: string): Promise<boolean>;
  clearLocalWallet?(): Promise<boolean>;

  /** Export (3.4.1): the private keys from both backup shares; '' arguments for Portal-managed backups. */
  eject?(
    backupMethod: BackupMethod,
    backupConfigs: BackupConfigs,
    orgBackupShare?: string,
    clientBackupCipherText?: string,
  ): Promise<{ SECP256K1: string }>;
  ejectPrivateKeys?(
    backupMethod: BackupMethod,
    backupConfigs: BackupConfigs,
    orgBackupShares: { SECP256K1: string; ED25519?: string },
    clientBackupCipherText?: string,
  ): Promise<{ SECP256K1: string; ED25519: string }>;

  /** The seed's newer passkey API; absent from 3.4.1, feature-detected. */
  registerPasskey?(options: PasskeyOptions): Promise<unknown>;
  /** The seed's API; a storageCallback, where an SDK gives one, is called once the share is stored. */
  generateBackupShare?(
    progress?: ProgressCallback,
  ): Promise<{ cipherText: string; encryptionKey: string; storageCallback?: () => Promise<void> }>;
  authenticatePasskeyAndWriteKey?(encryptionKey: string, options: PasskeyOptions): Promise<unknown>;
}
