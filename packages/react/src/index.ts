// The public API. Every module is side-effect free ("sideEffects": ["*.css"]), so an app that
// imports one component bundles only that component and the core it needs.
//
// No 'use client' here: this barrel is plain re-exports, and each module with components or hooks
// starts with 'use client' itself. So a React Server Component can import from here: a component
// (or a namespace's member, `<BackupButton.Root>`) arrives as a client reference, and the label
// defaults as plain data.

export { BackupKitProvider, type BackupKitProviderProps } from './provider/backup-kit-provider.js';
export { useBackupKit, type BackupKitContextValue, type PortalStatus } from './provider/backup-kit-context.js';

export {
  useBackup,
  type BackupActions,
  type StartableBackupMethod,
  type UseBackupOptions,
  type UseBackupResult,
} from './hooks/use-backup.js';
export {
  hasTakenPassword,
  usePasswordBackup,
  type UsePasswordBackupOptions,
  type UsePasswordBackupResult,
} from './hooks/use-password-backup.js';
export {
  usePasskeySetup,
  type PasskeySetupActions,
  type UsePasskeySetupOptions,
  type UsePasskeySetupResult,
} from './hooks/use-passkey-setup.js';

export {
  useRecovery,
  type RecoveryActions,
  type RecoveryRetryInput,
  type UseRecoveryOptions,
  type UseRecoveryResult,
} from './hooks/use-recovery.js';

export {
  useBackupStatus,
  type BackupStatusActions,
  type KnownBackupStatus,
  type UseBackupStatusOptions,
  type UseBackupStatusResult,
} from './hooks/use-backup-status.js';

export { defaultCommonLabels, type CommonLabels, type LabelOverrides } from './labels/common-labels.js';
export type { Label } from './labels/label.js';

export { BackupButton } from './backup-button/backup-button-parts.js';
export {
  BackupButtonDropIn,
  BackupButtonRetry,
  BackupButtonStatus,
  BackupButtonTrigger,
  type BackupButtonProps,
  type BackupButtonRetryProps,
  type BackupButtonStatusProps,
  type BackupButtonTriggerProps,
} from './backup-button/backup-button.js';
export {
  BackupButtonRoot,
  BackupButtonRootProvider,
  type BackupButtonRootProps,
  type BackupButtonRootProviderProps,
} from './backup-button/backup-button-root.js';
export { defaultBackupButtonLabels, type BackupButtonLabels } from './backup-button/backup-button-labels.js';

export { PasswordBackup } from './password-backup/password-backup-parts.js';
export {
  PasswordBackupDropIn,
  PasswordBackupRetry,
  PasswordBackupStatus,
  type PasswordBackupDefaultValues,
  type PasswordBackupPart,
  type PasswordBackupProps,
  type PasswordBackupRetryProps,
  type PasswordBackupStatusProps,
} from './password-backup/password-backup.js';
export {
  PasswordBackupRoot,
  PasswordBackupRootProvider,
  type PasswordBackupRootProps,
  type PasswordBackupRootProviderProps,
} from './password-backup/password-backup-root.js';
export { PasswordBackupField, type PasswordBackupFieldProps } from './password-backup/password-backup-field.js';
export { PasswordBackupLabel, type PasswordBackupLabelProps } from './password-backup/password-backup-label.js';
export { PasswordBackupControl, type PasswordBackupControlProps } from './password-backup/password-backup-control.js';
export { PasswordBackupInput, type PasswordBackupInputProps } from './password-backup/password-backup-input.js';
export {
  PasswordBackupVisibilityToggle,
  type PasswordBackupVisibilityToggleProps,
} from './password-backup/password-backup-visibility-toggle.js';
export {
  PasswordBackupDescription,
  type PasswordBackupDescriptionProps,
} from './password-backup/password-backup-description.js';
export {
  PasswordBackupStrength,
  type PasswordBackupStrengthProps,
} from './password-backup/password-backup-strength.js';
export { PasswordBackupIssues, type PasswordBackupIssuesProps } from './password-backup/password-backup-issues.js';
export {
  PasswordBackupAcknowledge,
  type PasswordBackupAcknowledgeProps,
} from './password-backup/password-backup-acknowledge.js';
export { PasswordBackupSubmit, type PasswordBackupSubmitProps } from './password-backup/password-backup-submit.js';
export type { PasswordFieldName } from './password-backup/password-backup-context.js';
export {
  defaultPasswordBackupLabels,
  type KindArgs,
  type PasswordBackupLabels,
} from './password-backup/password-backup-labels.js';

export { PasskeySetup } from './passkey-setup/passkey-setup-parts.js';
export {
  PasskeySetupDropIn,
  PasskeySetupRetry,
  PasskeySetupStatus,
  PasskeySetupTrigger,
  type PasskeySetupProps,
  type PasskeySetupRetryProps,
  type PasskeySetupStatusProps,
  type PasskeySetupTriggerProps,
} from './passkey-setup/passkey-setup.js';
export {
  PasskeySetupRoot,
  PasskeySetupRootProvider,
  type PasskeySetupRootProps,
  type PasskeySetupRootProviderProps,
} from './passkey-setup/passkey-setup-root.js';
export { PasskeySetupIssues, type PasskeySetupIssuesProps } from './passkey-setup/passkey-setup-issues.js';
export { PasskeySetupFallback, type PasskeySetupFallbackProps } from './passkey-setup/passkey-setup-fallback.js';
export { defaultPasskeySetupLabels, type PasskeySetupLabels } from './passkey-setup/passkey-setup-labels.js';

export { RecoverWallet } from './recover-wallet/recover-wallet-parts.js';
export {
  RecoverWalletDropIn,
  RecoverWalletRetry,
  RecoverWalletStatus,
  RecoverWalletSubmit,
  type RecoverWalletPart,
  type RecoverWalletProps,
  type RecoverWalletRetryProps,
  type RecoverWalletStatusProps,
  type RecoverWalletSubmitProps,
} from './recover-wallet/recover-wallet.js';
export {
  RecoverWalletRoot,
  RecoverWalletRootProvider,
  type RecoverWalletRootProps,
  type RecoverWalletRootProviderProps,
} from './recover-wallet/recover-wallet-root.js';
export { RecoverWalletMethods, type RecoverWalletMethodsProps } from './recover-wallet/recover-wallet-methods.js';
export { RecoverWalletMethod, type RecoverWalletMethodProps } from './recover-wallet/recover-wallet-method.js';
export { RecoverWalletField, type RecoverWalletFieldProps } from './recover-wallet/recover-wallet-field.js';
export { RecoverWalletLabel, type RecoverWalletLabelProps } from './recover-wallet/recover-wallet-label.js';
export { RecoverWalletControl, type RecoverWalletControlProps } from './recover-wallet/recover-wallet-control.js';
export { RecoverWalletInput, type RecoverWalletInputProps } from './recover-wallet/recover-wallet-input.js';
export {
  RecoverWalletVisibilityToggle,
  type RecoverWalletVisibilityToggleProps,
} from './recover-wallet/recover-wallet-visibility-toggle.js';
export {
  RecoverWalletFieldError,
  type RecoverWalletFieldErrorProps,
} from './recover-wallet/recover-wallet-field-error.js';
export { RecoverWalletEmpty, type RecoverWalletEmptyProps } from './recover-wallet/recover-wallet-empty.js';
export { defaultRecoverWalletLabels, type RecoverWalletLabels } from './recover-wallet/recover-wallet-labels.js';

export { BackupStatus } from './backup-status/backup-status-parts.js';
export {
  BackupStatusDropIn,
  BackupStatusStatus,
  type BackupStatusProps,
  type BackupStatusStatusProps,
} from './backup-status/backup-status.js';
export {
  BackupStatusRoot,
  BackupStatusRootProvider,
  type BackupStatusRootProps,
  type BackupStatusRootProviderProps,
} from './backup-status/backup-status-root.js';
export { BackupStatusList, type BackupStatusListProps } from './backup-status/backup-status-list.js';
export { BackupStatusItem, type BackupStatusItemProps } from './backup-status/backup-status-item.js';
export { BackupStatusEmpty, type BackupStatusEmptyProps } from './backup-status/backup-status-empty.js';
export { BackupStatusRefresh, type BackupStatusRefreshProps } from './backup-status/backup-status-refresh.js';
export { BackupStatusEjected, type BackupStatusEjectedProps } from './backup-status/backup-status-ejected.js';
export { defaultBackupStatusLabels, type BackupStatusLabels } from './backup-status/backup-status-labels.js';
