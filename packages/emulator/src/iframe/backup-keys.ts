import { randomBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { RANDOM_KEY_BYTES, type DecryptionKeyMaterial, type EncryptionKeySource } from '../crypto/backup-encryption.js';
import type { CipherTextEnvelope } from '../crypto/cipher-text-envelope.js';
import type { CreateBackupRequest } from '../protocol/emulator-api.js';
import { BackupMethods, type BackupMethod } from '../protocol/backup-methods.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import type { EmulatorServerClient } from './emulator-server-client.js';
import type { IframeSession } from './iframe-session.js';
import type { PasskeyPopupBroker } from './passkey-backups.js';

/** Where each backup method keeps the key of the client backup share. */

interface KeyContext {
  session: IframeSession;
  server: EmulatorServerClient;
  passkeyPopups: PasskeyPopupBroker;
}

export interface PreparedEncryptionKey {
  source: EncryptionKeySource;
  /**
   * Puts the key where recovery will look for it: the stand-in for Google Drive, or behind the
   * client's passkey (the passkey window's verified authentication takes it); nothing for
   * passwords. Resolves what the backup request needs besides.
   */
  persist(): Promise<Pick<CreateBackupRequest, 'passkeyOperationId'>>;
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

export function unsupportedMethod(backupMethod: unknown): never {
  throw new PortalProtocolError(
    ErrorCodes.BadRequest,
    `Unsupported backup method ${JSON.stringify(backupMethod)}: use PASSWORD, GDRIVE or PASSKEY`,
  );
}

/**
 * Checks the method (and, for PASSKEY, the passkey configuration) before any work is done,
 * so a refused backup reports no progress. PASSKEY needs nothing from backupConfigs.
 */
export async function prepareEncryptionKey(
  backupMethod: unknown,
  backupConfigs: unknown,
  { session, server, passkeyPopups }: KeyContext,
): Promise<PreparedEncryptionKey> {
  switch (backupMethod) {
    case BackupMethods.password:
      return { source: { kind: 'password', password: passwordFrom(backupConfigs) }, persist: async () => ({}) };
    case BackupMethods.gdrive: {
      requireGoogleDrive(session);
      const keyId = globalThis.crypto.randomUUID();
      const key = randomBytes(RANDOM_KEY_BYTES);
      return {
        source: { kind: 'randomKey', keyId, key },
        persist: async () => {
          await server.writeDriveBackupKey(keyId, { key: base64.encode(key) });
          return {};
        },
      };
    }
    case BackupMethods.passkey: {
      const keyId = globalThis.crypto.randomUUID();
      const key = randomBytes(RANDOM_KEY_BYTES);
      const operation = await server.createPasskeyOperation({
        kind: 'backup',
        keyId,
        passkey: session.passkey,
        parentOrigin: session.parentOrigin,
      });
      return {
        source: { kind: 'randomKey', keyId, key },
        persist: async () => {
          await passkeyPopups.run(
            { operationId: operation.operationId, kind: 'backup', key: base64.encode(key) },
            operation.popupTimeoutMs,
          );
          return { passkeyOperationId: operation.operationId };
        },
      };
    }
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
      return backupMethod;
    default:
      return unsupportedMethod(backupMethod);
  }
}

export async function decryptionKeyFor(
  envelope: CipherTextEnvelope,
  backupConfigs: unknown,
  { session, server, passkeyPopups }: KeyContext,
): Promise<DecryptionKeyMaterial> {
  if (envelope.key.kdf === 'PBKDF2-SHA256') return { kind: 'password', password: passwordFrom(backupConfigs) };
  if (envelope.key.store === 'emulator-passkey') {
    // The server checks first that this key is still the client's, so a stale cipherText needs no popup.
    const operation = await server.createPasskeyOperation({
      kind: 'recover',
      keyId: envelope.key.keyId,
      passkey: session.passkey,
      parentOrigin: session.parentOrigin,
    });
    const { key } = await passkeyPopups.run(
      { operationId: operation.operationId, kind: 'recover' },
      operation.popupTimeoutMs,
    );
    if (typeof key !== 'string') {
      throw new PortalProtocolError(ErrorCodes.FailedToDecryptCipher, 'The passkey window released no key');
    }
    return { kind: 'randomKey', key: Uint8Array.from(base64.decode(key)) };
  }
  const { key } = await server.readDriveBackupKey(envelope.key.keyId);
  return { kind: 'randomKey', key: Uint8Array.from(base64.decode(key)) };
}
