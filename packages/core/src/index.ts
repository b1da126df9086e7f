export {
  BackupKitError,
  isBackupKitError,
  messageFor,
  toBackupKitError,
  type BackupKitErrorCode,
  type BackupKitErrorInit,
  type BackupKitStage,
} from './errors.js';
export type {
  BackupConfigs,
  BackupResponse,
  ClientLike,
  MpcStatus,
  MpcStatusName,
  PasskeyOptions,
  PortalLike,
  ProgressCallback,
} from './portal/portal-like.js';
// The wire contract with @backup-kit/server (BackupMethod, the vault's requests): one list, in wire.ts.
export type * from './wire.js';
// The facade and Portal's calls (getPortalFacade, backupWallet, ...): `@backup-kit/core/portal`. They
// are only in the flows' lazy chunks, and a module this entry reached would be moved into every
// app's eager code by esbuild once a lazy chunk used it (see internal/core-kit.ts).
export type { CallOptions, CallSpec, PortalFacade } from './portal/portal-facade.js';
export type {
  BackupCallOptions,
  BackupStatusSummary,
  MpcCallOptions,
  RecoverCallOptions,
} from './portal/portal-calls.js';
export { configurePortalTimeouts, type PortalTimeouts } from './portal/portal-watch.js';
export { whenPortalReady } from './portal/when-portal-ready.js';
export { createPortal, type CreatePortalOptions, type PortalSdkOptions } from './portal/create-portal.js';
export type { SdkFeatures } from './portal/sdk-features.js';
export { createStore, type ReadableStore, type Store } from './internal/store.js';
export type { BackupStorage, LoadBackupRequest, SaveBackupRequest } from './storage/backup-storage.js';
export { httpStorage, type HttpStorageOptions } from './storage/http-storage.js';
export type { BackupSnapshot, BackupState, StorageMode } from './backup/backup-snapshot.js';
export {
  connectFlow,
  isBusy,
  notStarted,
  portalDead,
  type ConnectOptions,
  type FlowView,
  type PortalStatus,
  type StatusKey,
  type TriggerLabel,
} from './view/connect-flow.js';
export {
  connectBackup,
  connectPasswordBackup,
  hasTakenPassword,
  type BackupView,
  type PasswordBackupView,
} from './backup/connect-backup.js';
export { connectPasskeySetup, passkeyOptionIssues, type PasskeySetupView } from './passkey/connect-passkey-setup.js';
export {
  connectRecovery,
  type RecoveryConnectOptions,
  type RecoveryFieldError,
  type RecoveryView,
} from './recovery/connect-recovery.js';
export {
  connectBackupStatus,
  type BackupStatusConnectOptions,
  type BackupStatusState,
  type BackupStatusView,
} from './status/connect-backup-status.js';
export { createBackupFlow } from './backup/lazy-backup-flow.js';
export type {
  BackupCallbacks,
  BackupFlow,
  BackupFlowOptions,
  BackupStartInput,
  ProduceContext,
  ProducedBackup,
} from './backup/backup-flow.js';
export {
  checkPassword,
  resolvePasswordPolicy,
  SDK_MIN_PASSWORD_LENGTH,
  type PasswordCheck,
  type PasswordInput,
  type PasswordIssue,
  type PasswordIssueCode,
  type PasswordPolicy,
  type ResolvedPasswordPolicy,
  type SecretKind,
  type StrengthEstimate,
} from './password/password-policy.js';
export {
  toPortalPasskeyConfig,
  validatePasskeyOptions,
  type PasskeyOptionIssue,
  type PasskeyOptionIssueCode,
  type PasskeyOptionsCheck,
  type PortalPasskeyConfig,
} from './passkey/passkey-options.js';
export type { DirectPasskeyPath, PasskeyFlow, PasskeyFlowOptions } from './passkey/passkey-flow.js';
export { createPasskeyFlow } from './passkey/lazy-passkey-flow.js';
export type { PasskeyPath, PasskeySnapshot, PasskeyState } from './passkey/passkey-snapshot.js';
// supportsWebAuthn and openPasskeyWindow: `@backup-kit/core/passkey` (kept out of this entry, see there).
export type { PasskeyWindowOptions } from './passkey/passkey-window.js';
export type { PasskeyFailureReason } from './passkey/passkey-failure.js';
export {
  createPasskeyBackupFlow,
  type PasskeyBackupFlow,
  type PasskeyBackupFlowOptions,
} from './passkey/passkey-backup-flow.js';
export { createRecoveryFlow } from './recovery/lazy-recovery-flow.js';
export type { RecoverInput, RecoveryFlow, RecoveryFlowOptions } from './recovery/recovery-flow.js';
export type { RecoverySnapshot, RecoveryState } from './recovery/recovery-snapshot.js';
export { createBackupStatusStore } from './status/lazy-backup-status-store.js';
export type { BackupStatusSnapshot, BackupStatusStore } from './status/backup-status-store.js';
// createWalletGateStore: `@backup-kit/core/wallet-gate` (it calls Portal through the facade, see above).
export type { WalletGateSnapshot, WalletGateState, WalletGateStore } from './wallet-gate/wallet-gate-store.js';
export {
  connectWalletGate,
  type WalletGateConnectOptions,
  type WalletGateSlot,
  type WalletGateView,
} from './wallet-gate/connect-wallet-gate.js';
// createExportFlow: `@backup-kit/core/export`; exportPrivateKeys: `@backup-kit/core/portal`.
export type { ExportFlow, ExportFlowOptions, ExportSnapshot, ExportState } from './export/export-flow.js';
export type { ExportCallOptions, ExportedKeys } from './export/export-calls.js';
export {
  httpCustodianShare,
  type CustodianShareSource,
  type HttpCustodianShareOptions,
  type LoadCustodianShareRequest,
} from './export/http-custodian-share.js';
export { connectExport, type ExportStatusKey, type ExportView } from './export/connect-export.js';
