export {
  CUSTODIAN_BACKUP_METHOD_TOKEN,
  USER_BACKUP_SHARE_METHODS,
  type BackupMethod,
  type CustodianBackupMethod,
  type PortalBackupMethod,
  type UserBackupShareMethod,
} from './backup-method.js';
export { type BackupRouter, createBackupRouter } from './create-backup-router.js';
export { type VaultRouter, createVaultRouter } from './create-vault-router.js';
export { type RunningServer, type StartServerOptions, startServer } from './start-server.js';
export type {
  Authorize,
  AuthorizeContext,
  AuthorizeExport,
  AuthorizeExportContext,
  BackupRouterOptions,
  Caller,
  CorsOptions,
  RateLimitOptions,
  VaultOptions,
  VaultRouterOptions,
} from './router-options.js';
export { type OpenBackupDatabaseOptions, openBackupDatabase } from './db/open-backup-database.js';
export type { BackupDatabase } from './db/backup-database.js';
export type { KeyContext, KeyProvider, WrappedKey } from './crypto/key-provider.js';
export {
  type AwsKmsKeyProvider,
  type AwsKmsKeyProviderOptions,
  createAwsKmsKeyProvider,
} from './crypto/aws-kms-key-provider.js';
export { combineKeyProviders } from './crypto/combined-key-provider.js';
export { defaultKeyFile } from './crypto/default-key-file.js';
export type { KeySourceOptions } from './crypto/key-providers-of.js';
export { type RewrapReport, rewrapDataKeys } from './crypto/rewrap-data-keys.js';
export {
  type LocalKeyFileProvider,
  loadLocalKeyFileProvider,
  rotateLocalKeyFile,
} from './crypto/local-key-file-provider.js';
export { type LogFields, type Logger, createJsonLogger, silentLogger } from './log/logger.js';
export {
  DEFAULT_CHALLENGE_TTL_MS,
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RATE_LIMIT,
  DEV_USER_HEADER,
  WEBHOOK_SECRET_HEADER,
} from './defaults.js';
export {
  type BackupPipeline,
  type BackupPipelineOptions,
  type BackupPipelineResult,
  type BackupPipelineRun,
  PORTAL_API_BASE_URL,
  PORTAL_MPC_BASE_URL,
  createBackupPipeline,
} from './pipeline/create-backup-pipeline.js';
export type { BackupShares, SigningShares, StoredStatus } from './pipeline/enclave-client.js';
export type { EnclaveBackupData, EnclaveBackupRecord } from './pipeline/enclave-backup-record.js';
export { PIPELINE_STEPS, type PipelineError, type PipelineStep, isPipelineError } from './pipeline/pipeline-error.js';
