import { randomBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';

/**
 * Wraps the passkey backup's random key under a key derived from the passkey's PRF output
 * (WebCrypto HKDF-SHA256 → AES-256-GCM), in the passkey window. The server then keeps a key it
 * cannot read: only the same passkey, evaluated with the same salt, unwraps it. The PRF output
 * itself never leaves the window.
 *
 * Wrapped form: base64 of `iv (12 bytes) ‖ AES-GCM(key) ‖ tag`.
 */
const WRAP_INFO = new TextEncoder().encode('backup-kit-emulator/passkey-key-wrap/v1');
const IV_BYTES = 12;

async function wrappingKey(prfOutput: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: WRAP_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function wrapKeyWithPrf(
  prfOutput: Uint8Array<ArrayBuffer>,
  key: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await wrappingKey(prfOutput), key);
  const wrapped = new Uint8Array(IV_BYTES + sealed.byteLength);
  wrapped.set(iv);
  wrapped.set(new Uint8Array(sealed), IV_BYTES);
  return base64.encode(wrapped);
}

/** Throws when the PRF output is not the one the key was wrapped with (another passkey or salt). */
export async function unwrapKeyWithPrf(
  prfOutput: Uint8Array<ArrayBuffer>,
  wrappedKey: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const wrapped = Uint8Array.from(base64.decode(wrappedKey));
  const opened = await globalThis.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: wrapped.slice(0, IV_BYTES) },
    await wrappingKey(prfOutput),
    wrapped.slice(IV_BYTES),
  );
  return new Uint8Array(opened);
}
