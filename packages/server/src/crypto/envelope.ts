import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyContext, KeyProvider } from './key-provider.js';

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
 * `aad` is bound as additional authenticated data, so a sealed value copied onto another
 * row (another client or method) fails to open; `keyContext` binds the wrapped data key to
 * its row in the key provider too (a KMS's encryption context).
 */
export async function sealEnvelope(
  plaintext: string,
  aad: string,
  keys: KeyProvider,
  keyContext: KeyContext = {},
): Promise<SealedEnvelope> {
  const generated = keys.generateDataKey
    ? await keys.generateDataKey(keyContext)
    : await wrapFreshKey(keys, keyContext);
  const dataKey = Buffer.from(generated.dataKey);
  generated.dataKey.fill(0);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    const { keyId, wrappedKey } = generated.wrapped;
    return { kekId: keyId, wrappedDataKey: Buffer.from(wrappedKey), iv, sealed };
  } finally {
    dataKey.fill(0);
  }
}

async function wrapFreshKey(keys: KeyProvider, keyContext: KeyContext) {
  const dataKey = randomBytes(32);
  return { dataKey, wrapped: await keys.wrapKey(dataKey, keyContext) };
}

export async function openEnvelope(
  envelope: SealedEnvelope,
  aad: string,
  keys: KeyProvider,
  keyContext: KeyContext = {},
): Promise<string> {
  const dataKey = Buffer.from(
    await keys.unwrapKey({ keyId: envelope.kekId, wrappedKey: envelope.wrappedDataKey }, keyContext),
  );
  try {
    const body = envelope.sealed.subarray(0, envelope.sealed.length - TAG_BYTES);
    const tag = envelope.sealed.subarray(envelope.sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', dataKey, envelope.iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** The data key of a stored row wrapped under the provider's current key (rotation). */
export async function rewrapDataKey(
  wrapped: { kekId: string; wrappedDataKey: Buffer },
  keys: KeyProvider,
  keyContext: KeyContext,
): Promise<{ kekId: string; wrappedDataKey: Buffer }> {
  const current = { keyId: wrapped.kekId, wrappedKey: wrapped.wrappedDataKey };
  let next;
  if (keys.rewrapKey) {
    next = await keys.rewrapKey(current, keyContext);
  } else {
    const dataKey = await keys.unwrapKey(current, keyContext);
    try {
      next = await keys.wrapKey(dataKey, keyContext);
    } finally {
      dataKey.fill(0);
    }
  }
  return { kekId: next.keyId, wrappedDataKey: Buffer.from(next.wrappedKey) };
}
