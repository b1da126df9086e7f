import { decodeCipherText, type CipherTextEnvelope } from '../crypto/cipher-text-envelope.js';
import type { BackupMethod } from '../protocol/backup-methods.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import type { EmulatorServerClient } from './emulator-server-client.js';

/**
 * The encrypted client backup share that recovery and export open: the cipherText given, or
 * (empty) the one Portal keeps for Portal-managed backups. It must be a backup of `method`.
 */
export async function clientBackupEnvelopeFor(
  cipherText: string | undefined,
  method: BackupMethod,
  server: EmulatorServerClient,
): Promise<CipherTextEnvelope> {
  const envelope = decodeCipherText(
    cipherText === undefined || cipherText === ''
      ? (await server.readKeptClientBackupShare(method)).cipherText
      : cipherText,
  );
  if (envelope.backupMethod !== method) {
    throw new PortalProtocolError(
      ErrorCodes.BadRequest,
      `This cipherText is a ${envelope.backupMethod} backup, not ${method}`,
    );
  }
  return envelope;
}
