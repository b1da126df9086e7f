import { randomBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { RANDOM_KEY_BYTES, type DecryptionKeyMaterial, type EncryptionKeySource } from '../crypto/backupEncryption.js';
import type { CipherTextEnvelope } from '../crypto/cipherTextEnvelope.js';
import { BackupMethods, type BackupMethod } from '../protocol/backupMethods.js';
import { PortalProtocolError } from '../protocol/portalError.js';
import { ErrorCodes } from '../protocol/portalErrorCodes.js';
import type { EmulatorServerClient } from './emulatorServerClient.js';
import type { IframeSession } from './iframeSession.js';
import { passkeyBackupsNotSupported } from './passkeyBackups.js';

/** Where each backup method keeps the key of the client backup share. */

interface KeyContext {
  session: IframeSession;
  server: EmulatorServerClient;
}

export interface PreparedEncryptionKey {
  source: EncryptionKeySource;
  /** Puts the key where recovery will look for it (the stand-in for Google Drive); nothing for passwords. */
  persist(): Promise<void>;
}

function passwordFrom(backupConfigs: unknown): string {
  const password = (backupConfigs as { passwordStorage?: { password?: unknown } } | undefined)?.passwordStorage
    ?.password;
  if (typeof password !== 'string' || password === '') {
    throw new PortalProtocolError(
      ErrorCodes.BadRequest,
      'Password is required: pass backupConfigs.passwordStorage.password',
    );
  }
  return password;
}

function requireGoogleDrive(session: IframeSession): void {
  if (!session.gdriveConfigured) {
    throw new PortalProtocolError(
      ErrorCodes.BadRequest,
      'GDRIVE backups need `gdrive: { clientId }` in the Portal options',
    );
  }
}

function unsupportedMethod(backupMethod: unknown): never {
  throw new PortalProtocolError(
    ErrorCodes.BadRequest,
    `Unsupported backup method ${JSON.stringify(backupMethod)}: use PASSWORD or GDRIVE`,
  );
}

/** Checks the method before any work is done, so a refused backup reports no progress. */
export function prepareEncryptionKey(
  backupMethod: unknown,
  backupConfigs: unknown,
  { session, server }: KeyContext,
): PreparedEncryptionKey {
  switch (backupMethod) {
    case BackupMethods.password:
      return { source: { kind: 'password', password: passwordFrom(backupConfigs) }, persist: async () => {} };
    case BackupMethods.gdrive: {
      requireGoogleDrive(session);
      const keyId = globalThis.crypto.randomUUID();
      const key = randomBytes(RANDOM_KEY_BYTES);
      return {
        source: { kind: 'randomKey', keyId, key },
        persist: async () => void (await server.writeDriveBackupKey(keyId, { key: base64.encode(key) })),
      };
    }
    case BackupMethods.passkey:
      return passkeyBackupsNotSupported('backup');
    default:
      return unsupportedMethod(backupMethod);
  }
}

export function checkRecoveryMethod(backupMethod: unknown, session: IframeSession): BackupMethod {
  switch (backupMethod) {
    case BackupMethods.password:
      return backupMethod;
    case BackupMethods.gdrive:
      requireGoogleDrive(session);
      return backupMethod;
    case BackupMethods.passkey:
      return passkeyBackupsNotSupported('recover');
    default:
      return unsupportedMethod(backupMethod);
  }
}

export async function decryptionKeyFor(
  envelope: CipherTextEnvelope,
  backupConfigs: unknown,
  { server }: KeyContext,
): Promise<DecryptionKeyMaterial> {
  if (envelope.key.kdf === 'PBKDF2-SHA256') return { kind: 'password', password: passwordFrom(backupConfigs) };
  const { key } = await server.readDriveBackupKey(envelope.key.keyId);
  return { kind: 'randomKey', key: Uint8Array.from(base64.decode(key)) };
}
