/**
 * `@backup-kit/core/wire`: the HTTP wire contract between the kit and @backup-kit/server, one
 * definition per type. Types only, with no runtime and no import of the SDK, so the server
 * can depend on it without loading anything of the browser side.
 */
export type { BackupMethod, PortalBackupMethod } from './portal/portal-like.js';
export type {
  CustodianBackupMethod,
  CustodianBackupShareFetchRequest,
  CustodianBackupShareRequest,
  UserBackupShareAnswer,
  UserBackupShareMethod,
  UserBackupShareReceipt,
  UserBackupShareRequest,
} from './storage/backup-share-protocol.js';
export type {
  AuthenticationOptionsRequest,
  AuthenticationVerifyRequest,
  AuthenticationVerifyResult,
  CeremonyOptions,
  RegistrationOptionsRequest,
  RegistrationVerifyRequest,
} from './passkey/direct/vault-protocol.js';
