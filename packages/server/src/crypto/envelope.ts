import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyProvider } from './key-provider.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedEnvelope {
  kekId: string;
  wrappedDataKey: Buffer;
  iv: Buffer;
  /** Ciphertext followed by the GCM tag. */
  sealed: Buffer;
}

/**
 * Encrypts `plaintext` under a fresh AES-256-GCM data key and wraps that key with the provider.
 * `context` is bound as additional authenticated data, so a sealed value copied onto another
 * row (another client or method) fails to open.
 */
export async function sealEnvelope(plaintext: string, context: string, keys: KeyProvider): Promise<SealedEnvelope> {
  const dataKey = randomBytes(32);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    const { keyId, wrappedKey } = await keys.wrapKey(dataKey);
    return { kekId: keyId, wrappedDataKey: Buffer.from(wrappedKey), iv, sealed };
  } finally {
    dataKey.fill(0);
  }
}

export async function openEnvelope(envelope: SealedEnvelope, context: string, keys: KeyProvider): Promise<string> {
  const dataKey = Buffer.from(await keys.unwrapKey({ keyId: envelope.kekId, wrappedKey: envelope.wrappedDataKey }));
  try {
    const body = envelope.sealed.subarray(0, envelope.sealed.length - TAG_BYTES);
    const tag = envelope.sealed.subarray(envelope.sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', dataKey, envelope.iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}
