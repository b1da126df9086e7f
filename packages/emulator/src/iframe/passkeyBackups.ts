import { PortalProtocolError } from '../protocol/portalError.js';
import { ErrorCodes } from '../protocol/portalErrorCodes.js';

/**
 * The one place PASSKEY backups are handled; a later issue replaces it with a real ceremony.
 * Portal's iframe is cross-origin with no WebAuthn permission, so Backup Kit runs passkey
 * backups on its direct path (a PASSWORD backup under a random key the passkey guards).
 */
export function passkeyBackupsNotSupported(operation: 'backup' | 'recover'): never {
  throw new PortalProtocolError(
    ErrorCodes.NotSupportedByEmulator,
    `PASSKEY ${operation} through backupWallet/recoverWallet is not supported by the Backup Kit emulator: passkey backups go through Backup Kit's direct path (usePopup: false)`,
  );
}
