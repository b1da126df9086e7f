import type { BackupMethod } from './backup-methods.js';
import type { PerCurve } from './curves.js';
import type { AppliedFault } from './faults.js';
import type { MessageDetails } from './message-details.js';
import type { PasskeyOperationKind } from './passkey-popup-messages.js';
import type { PortalErrorPayload } from './portal-error.js';
import type { SdkRequestType } from './sdk-message-types.js';

/**
 * The HTTP contract between the emulator's iframe page and its server (same origin, so no
 * CORS). The iframe plays Portal's client device; the server plays Portal's API and custodian.
 * Requests carry the client's apiKey as `Authorization: Bearer <apiKey>`.
 * Scalars and public keys travel as lowercase hex.
 */
export const ApiPaths = {
  messages: '/api/v1/messages',
  client: '/api/v1/client',
  wallets: '/api/v1/wallets',
  backups: '/api/v1/backups',
  backupSharePairStatus: '/api/v1/backup-share-pairs/status',
  clientBackupShareStored: '/api/v1/client-backup-share-stored',
  recoveries: '/api/v1/recoveries',
  /** `eject` / `ejectPrivateKeys`: the custodian releases its backup shares once they check out. */
  ejections: '/api/v1/ejections',
  /** Portal-managed backups: the client backup share Portal keeps for a method, `${prefix}PASSWORD`. */
  keptClientBackupSharePrefix: '/api/v1/kept-client-backup-shares/',
  /** Passkey backups through the SDK: the iframe opens an operation (Bearer apiKey)… */
  passkeyOperations: '/api/v1/passkey/operations',
  /** …and the passkey window runs its ceremonies, authorised by the operation id alone. */
  passkeyRegistrationOptions: '/api/v1/passkey/registration/options',
  passkeyRegistrationVerify: '/api/v1/passkey/registration/verify',
  passkeyAuthenticationOptions: '/api/v1/passkey/authentication/options',
  passkeyAuthenticationVerify: '/api/v1/passkey/authentication/verify',
  /** The stand-in for Google Drive: one file per backup key id. */
  driveBackupKeyPrefix: '/api/v1/drive/backup-keys/',
} as const;

/** Every message is announced first: the server logs it and hands back a pending fault. */
export interface AnnounceMessageRequest {
  type: SdkRequestType;
  details: MessageDetails;
}
export interface AnnounceMessageResponse {
  clientId: string | null;
  fault: AppliedFault | null;
}

export interface CreateWalletRequest {
  wallets: PerCurve<{ publicKey: string; custodianSigningShare: string }>;
}
export interface AddressResponse {
  address: string;
}

/**
 * Re-randomises the custodian signing share s into the custodian backup share s − r. With
 * Portal-managed backups the iframe also hands over the encrypted client backup share, which
 * Portal keeps (the pairs are then completed at once); otherwise it is never sent.
 */
export interface CreateBackupRequest {
  backupMethod: BackupMethod;
  blinding: PerCurve<string>;
  cipherText?: string;
  /** PASSKEY only: the passkey operation whose verified authentication took the key. */
  passkeyOperationId?: string;
}
export interface CreateBackupResponse {
  backupIds: string[];
}

export interface SetBackupStatusRequest {
  backupIds: string[];
  status: string;
}
/** `portal:storedClientBackupShare(success, method)`, as the iframe reports it to the server. */
export interface ClientBackupShareStoredReport {
  success: boolean;
  backupMethod: BackupMethod;
}

/**
 * Recovery: the iframe proves which key its decrypted backup share belongs to by its public
 * share cb·G, and re-randomises the custodian backup share into a new signing share sb − r′.
 */
export interface RecoverWalletRequest {
  backupMethod: BackupMethod;
  clientBackupPublicShares: PerCurve<string>;
  blinding: PerCurve<string>;
}

/**
 * Export: the iframe proves its client backup share by cb·G (as for recovery). Self-managed
 * backups pass the custodian backup share the app's server released (the string the webhook
 * received); Portal-managed ones leave it out and the emulator uses the share it keeps.
 */
export interface EjectRequest {
  backupMethod: BackupMethod;
  clientBackupPublicShares: PerCurve<string>;
  organizationBackupShare?: string;
}

/** The custodian backup shares, hex per curve; the client has been marked ejected. */
export interface EjectResponse {
  custodianBackupShares: PerCurve<string>;
}

/** Portal-managed backups: what `recoverWallet('', method)` recovers from. */
export interface KeptClientBackupShareResponse {
  cipherText: string;
}

export interface DriveBackupKey {
  key: string;
}

export interface ApiErrorResponse {
  error: PortalErrorPayload;
}

/** `portal:configure.data.passkey`, as @portal-hq/web 3.4.1 forwards it (untouched). */
export interface PasskeyConfig {
  relyingParty?: string;
  relyingPartyOrigins?: string[];
  webAuthnHost?: string;
}

/** Opened by the iframe before it waits for the passkey window. */
export interface CreatePasskeyOperationRequest {
  kind: PasskeyOperationKind;
  /** The id of the key: new for a backup, the cipherText's for a recovery. */
  keyId: string;
  passkey: PasskeyConfig | null;
  /** The app's origin (the iframe's parentOrigin), checked against relyingPartyOrigins. */
  parentOrigin: string;
}
export interface CreatePasskeyOperationResponse {
  operationId: string;
  /** How long the iframe waits for a passkey window to say hello. */
  popupTimeoutMs: number;
  popupUrl: string;
}

export interface PasskeyCeremonyRequest {
  operationId: string;
}
export interface PasskeyRegistrationVerifyRequest extends PasskeyCeremonyRequest {
  /** SimpleWebAuthn's RegistrationResponseJSON, without any PRF output. */
  response: unknown;
}
export interface PasskeyAuthenticationOptionsResponse {
  /** SimpleWebAuthn's PublicKeyCredentialRequestOptionsJSON (the popup adds the PRF input). */
  optionsJSON: unknown;
  /** base64url salt for the PRF extension: fixed per backup. */
  prfSalt: string;
}

/**
 * How the key travels between the passkey window and the server. `prf`: wrapped in the
 * browser under a key derived from the passkey's PRF output, so the server cannot read it;
 * `enclave`: the key itself (authenticators without PRF), which the server seals at rest.
 */
export type PasskeyProtectedKey = { protection: 'prf'; wrappedKey: string } | { protection: 'enclave'; key: string };

export interface PasskeyAuthenticationVerifyRequest extends PasskeyCeremonyRequest {
  /** SimpleWebAuthn's AuthenticationResponseJSON, without any PRF output. */
  response: unknown;
  /** Backup only: the key to keep once the authentication verifies. */
  key?: PasskeyProtectedKey;
}
export interface PasskeyAuthenticationVerifyResponse {
  verified: true;
  /** Recovery only: the key, released by the verified authentication. */
  key?: PasskeyProtectedKey;
}
