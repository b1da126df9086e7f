// What the browser tests use of @portal-hq/web 3.4.1, written structurally: importing the
// SDK's own types would break this package's strict type-check (protocol §6).

interface MpcStatusUnderTest {
  status: string;
  done: boolean;
}
type ProgressUnderTest = (status: MpcStatusUnderTest) => void;
interface BackupConfigsUnderTest {
  passwordStorage?: { password: string };
}

export interface ClientUnderTest {
  id: string;
  address: string;
  ejectedAt: string | null;
  environment: { backupWithPortalEnabled: boolean };
  metadata: { namespaces: Record<string, { address: string; curve: string } | undefined> };
  wallets: {
    curve: string;
    publicKey: string;
    backupSharePairs: { id: string; status: string; backupMethod: string }[];
  }[];
}

export interface PortalUnderTest {
  readonly ready: boolean;
  address?: string;
  onReady(callback: () => void): () => void;
  onInitializationError(callback: (reason: unknown) => void): () => void;
  createWallet(progress?: ProgressUnderTest): Promise<string>;
  backupWallet(
    method: string,
    progress?: ProgressUnderTest,
    configs?: BackupConfigsUnderTest,
  ): Promise<{ cipherText: string; storageCallback(): Promise<void> }>;
  recoverWallet(
    cipherText: string,
    method: string,
    configs?: BackupConfigsUnderTest,
    progress?: ProgressUnderTest,
  ): Promise<string>;
  storedClientBackupShare(success: boolean, method: string): Promise<void>;
  clearLocalWallet(): Promise<boolean>;
  getClient(): Promise<ClientUnderTest>;
  doesWalletExist(chainId?: string): Promise<boolean>;
  isWalletOnDevice(chainId?: string): Promise<boolean>;
  isWalletBackedUp(chainId?: string): Promise<boolean>;
  isWalletRecoverable(chainId?: string): Promise<boolean>;
  availableRecoveryMethods(chainId?: string): Promise<string[]>;
  getEip155Address(): Promise<string>;
  getSolanaAddress(): Promise<string>;
  rawSign(curve: string, param: string): Promise<string>;
  eject(
    method: string,
    configs: BackupConfigsUnderTest,
    orgBackupShare?: string,
    clientBackupCipherText?: string,
  ): Promise<{ SECP256K1: string }>;
  ejectPrivateKeys(
    method: string,
    configs: BackupConfigsUnderTest,
    orgBackupShares: { SECP256K1: string; ED25519?: string },
    clientBackupCipherText?: string,
  ): Promise<{ SECP256K1: string; ED25519: string }>;
}

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: string | undefined; code: number | string | undefined; message: string } };

export interface PortalOptionsUnderTest {
  host: string;
  apiKey?: string;
  rpcConfig: Record<string, string>;
  gdrive?: { clientId: string };
  passkey?: PasskeyConfigUnderTest;
}

export interface PasskeyConfigUnderTest {
  relyingParty?: string;
  relyingPartyOrigins?: string[];
  webAuthnHost?: string;
}

declare global {
  interface Window {
    sdk: {
      Portal: new (options: PortalOptionsUnderTest) => PortalUnderTest;
      BackupMethods: { gdrive: 'GDRIVE'; password: 'PASSWORD'; passkey: 'PASSKEY'; unknown: 'UNKNOWN' };
      MpcStatuses: Record<string, string>;
      openPasskeyPopup(host: string): Window | null;
      settle<T>(run: () => Promise<T>): Promise<Outcome<T>>;
    };
    portal: PortalUnderTest;
    initializationErrors: unknown[];
    /** What a test's passkey button started (see test/support/passkey-popups.ts). */
    passkeyOutcome?: Promise<Outcome<unknown>>;
    passkeyPopupOpened?: boolean;
  }
}
