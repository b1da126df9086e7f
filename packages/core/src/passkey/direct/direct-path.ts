import { createDirectPath, type DirectPasskeyPathWithRecovery, type DirectPathConfig } from './create-direct-path.js';
import { BackupKitError, toBackupKitError } from '../../errors.js';

export type { DirectPasskeyPathWithRecovery, DirectPathConfig, WebAuthnModule } from './create-direct-path.js';

/** The kit's direct passkey path over core's own errors, Portal calls and signals (see createDirectPath). */
export function createDirectPasskeyPath(config: DirectPathConfig = {}): DirectPasskeyPathWithRecovery {
  return createDirectPath({ BackupKitError, toBackupKitError }, config);
}
