import { base64 } from '@scure/base';
import { isBackupMethod, type BackupMethod } from '../protocol/backup-methods.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';

/**
 * The cipherText the emulator hands the SDK: base64 of a JSON envelope that names its own
 * format, version, cipher and where its key comes from, so it can be read years later.
 *
 *   { "format": "backup-kit-emulator/client-backup-share", "version": 1, "backupMethod": "PASSWORD",
 *     "key": { "kdf": "PBKDF2-SHA256", "iterations": 600000, "salt": "<base64>" },
 *     "cipher": "AES-256-GCM", "iv": "<base64>", "data": "<base64 ciphertext+tag>" }
 *
 * Everything but `data` is bound to the ciphertext as AES-GCM additional data.
 */
export const CIPHERTEXT_FORMAT = 'backup-kit-emulator/client-backup-share';
export const CIPHERTEXT_VERSION = 1;

export type KeyDescriptor =
  | { kdf: 'PBKDF2-SHA256'; iterations: number; salt: string }
  /**
   * A random 256-bit key under keyId: in the emulator's stand-in for Google Drive (GDRIVE), or
   * guarded by the client's passkey in the emulator's stand-in for Portal's enclave (PASSKEY).
   */
  | { kdf: 'none'; store: RandomKeyStore; keyId: string };

export type RandomKeyStore = 'emulator-google-drive' | 'emulator-passkey';
const RANDOM_KEY_STORES: readonly string[] = ['emulator-google-drive', 'emulator-passkey'] satisfies RandomKeyStore[];

export interface CipherTextEnvelope {
  format: typeof CIPHERTEXT_FORMAT;
  version: typeof CIPHERTEXT_VERSION;
  backupMethod: BackupMethod;
  key: KeyDescriptor;
  cipher: 'AES-256-GCM';
  iv: string;
  data: string;
}

export function encodeCipherText(envelope: CipherTextEnvelope): string {
  return base64.encode(new TextEncoder().encode(JSON.stringify(envelope)));
}

/** The additional authenticated data: the header fields in a fixed order. */
export function associatedDataOf(envelope: Omit<CipherTextEnvelope, 'data'>): Uint8Array<ArrayBuffer> {
  const key = envelope.key;
  const keyFields = key.kdf === 'PBKDF2-SHA256' ? [key.kdf, key.iterations, key.salt] : [key.kdf, key.store, key.keyId];
  const header = [envelope.format, envelope.version, envelope.backupMethod, keyFields, envelope.cipher, envelope.iv];
  return new TextEncoder().encode(JSON.stringify(header));
}

function undecodable(reason: string): PortalProtocolError {
  return new PortalProtocolError(
    ErrorCodes.FailedToDecodeCipher,
    `Failed to decode the cipherText: ${reason} (expected a cipherText written by the Backup Kit emulator)`,
  );
}

export function decodeCipherText(cipherText: string): CipherTextEnvelope {
  if (cipherText === '') throw undecodable('it is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64.decode(cipherText)));
  } catch {
    throw undecodable('it is not base64 of a JSON envelope');
  }
  const envelope = parsed as Partial<CipherTextEnvelope> | null;
  if (envelope?.format !== CIPHERTEXT_FORMAT) throw undecodable('unknown format');
  if (envelope.version !== CIPHERTEXT_VERSION) throw undecodable(`unsupported version ${String(envelope.version)}`);
  if (!isBackupMethod(envelope.backupMethod)) throw undecodable('unknown backup method');
  if (envelope.cipher !== 'AES-256-GCM') throw undecodable('unknown cipher');
  if (typeof envelope.iv !== 'string' || typeof envelope.data !== 'string') throw undecodable('missing iv or data');
  if (!isKeyDescriptor(envelope.key)) throw undecodable('unknown key descriptor');
  return envelope as CipherTextEnvelope;
}

function isKeyDescriptor(key: unknown): key is KeyDescriptor {
  if (typeof key !== 'object' || key === null) return false;
  const candidate = key as Record<string, unknown>;
  if (candidate.kdf === 'PBKDF2-SHA256') {
    return (
      typeof candidate.iterations === 'number' &&
      Number.isInteger(candidate.iterations) &&
      candidate.iterations > 0 &&
      typeof candidate.salt === 'string'
    );
  }
  return (
    candidate.kdf === 'none' &&
    typeof candidate.store === 'string' &&
    RANDOM_KEY_STORES.includes(candidate.store) &&
    typeof candidate.keyId === 'string'
  );
}
