export { BACKUP_METHODS, type BackupMethod } from './backup-method';
export { type BackupRouter, createBackupRouter } from './create-backup-router';
export { type VaultRouter, createVaultRouter } from './create-vault-router';
export { type RunningServer, type StartServerOptions, startServer } from './start-server';
export type {
  Authorize,
  AuthorizeContext,
  BackupRouterOptions,
  Caller,
  CorsOptions,
  RateLimitOptions,
  VaultOptions,
  VaultRouterOptions,
} from './router-options';
export { type OpenBackupDatabaseOptions, openBackupDatabase } from './db/open-backup-database';
export type { BackupDatabase } from './db/backup-database';
export type { KeyProvider, WrappedKey } from './crypto/key-provider';
export {
  type LocalKeyFileProvider,
  loadLocalKeyFileProvider,
  rotateLocalKeyFile,
} from './crypto/local-key-file-provider';
export { type LogFields, type Logger, createJsonLogger, silentLogger } from './log/logger';
export {
  DEFAULT_CHALLENGE_TTL_MS,
  DEFAULT_DATA_DIR,
  DEFAULT_KEY_FILE,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RATE_LIMIT,
  DEV_USER_HEADER,
  WEBHOOK_SECRET_HEADER,
} from './defaults';
