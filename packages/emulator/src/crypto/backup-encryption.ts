import { randomBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import type { BackupMethod } from '../protocol/backup-methods.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import {
  associatedDataOf,
  CIPHERTEXT_FORMAT,
  CIPHERTEXT_VERSION,
  encodeCipherText,
  type CipherTextEnvelope,
  type KeyDescriptor,
} from './cipher-text-envelope.js';

/**
 * AES-256-GCM over the client backup share, through WebCrypto (the same code runs in the
 * iframe and in Node's tests). The key comes from the user's password through PBKDF2-SHA256
 * (WebCrypto has it natively, so the iframe ships no KDF code) or is a random 256-bit key
 * (GDRIVE keeps it in the stand-in for Google Drive, PASSKEY behind the client's passkey).
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
export const RANDOM_KEY_BYTES = 32;

export type EncryptionKeySource =
  { kind: 'password'; password: string } | { kind: 'randomKey'; keyId: string; key: Uint8Array<ArrayBuffer> };

/** What decrypting needs once the envelope says which key it wants. */
export type DecryptionKeyMaterial =
  { kind: 'password'; password: string } | { kind: 'randomKey'; key: Uint8Array<ArrayBuffer> };

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function rawKey(key: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (key.length !== RANDOM_KEY_BYTES) throw new Error('A backup key must be 32 bytes');
  return subtle().importKey('raw', key, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function encryptClientBackupShare(
  plaintext: Uint8Array<ArrayBuffer>,
  backupMethod: BackupMethod,
  source: EncryptionKeySource,
): Promise<string> {
  let descriptor: KeyDescriptor;
  let key: CryptoKey;
  if (source.kind === 'password') {
    const salt = randomBytes(SALT_BYTES);
    descriptor = { kdf: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS, salt: base64.encode(salt) };
    key = await passwordKey(source.password, salt, PBKDF2_ITERATIONS);
  } else {
    const store = backupMethod === 'PASSKEY' ? 'emulator-passkey' : 'emulator-google-drive';
    descriptor = { kdf: 'none', store, keyId: source.keyId };
    key = await rawKey(source.key);
  }
  const iv = randomBytes(IV_BYTES);
  const header = {
    format: CIPHERTEXT_FORMAT,
    version: CIPHERTEXT_VERSION,
    backupMethod,
    key: descriptor,
    cipher: 'AES-256-GCM',
    iv: base64.encode(iv),
  } as const;
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedDataOf(header) },
    key,
    plaintext,
  );
  return encodeCipherText({ ...header, data: base64.encode(new Uint8Array(sealed)) });
}

function wrongKindOfKey(): PortalProtocolError {
  return new PortalProtocolError(
    ErrorCodes.FailedToDecryptCipher,
    'Failed to decrypt the client backup share: it was not encrypted for this backup method',
  );
}

function keyFor(descriptor: KeyDescriptor, material: DecryptionKeyMaterial): Promise<CryptoKey> {
  if (descriptor.kdf === 'PBKDF2-SHA256') {
    if (material.kind !== 'password') throw wrongKindOfKey();
    return passwordKey(material.password, Uint8Array.from(base64.decode(descriptor.salt)), descriptor.iterations);
  }
  if (material.kind !== 'randomKey') throw wrongKindOfKey();
  return rawKey(material.key);
}

/** Fails with Portal's 407 FailedToDecryptCipher for a wrong password or key and for any tampering. */
export async function decryptClientBackupShare(
  envelope: CipherTextEnvelope,
  material: DecryptionKeyMaterial,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const key = await keyFor(envelope.key, material);
    const opened = await subtle().decrypt(
      { name: 'AES-GCM', iv: Uint8Array.from(base64.decode(envelope.iv)), additionalData: associatedDataOf(envelope) },
      key,
      Uint8Array.from(base64.decode(envelope.data)),
    );
    return new Uint8Array(opened);
  } catch (error) {
    if (error instanceof PortalProtocolError) throw error;
    throw new PortalProtocolError(
      ErrorCodes.FailedToDecryptCipher,
      'Failed to decrypt the client backup share: wrong password or key, or the cipherText was altered',
    );
  }
}
