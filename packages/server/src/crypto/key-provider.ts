/** A data key after wrapping, with the id of the key-encryption key that wrapped it. */
export interface WrappedKey {
  keyId: string;
  wrappedKey: Uint8Array;
}

/**
 * Wraps and unwraps the per-share data keys of envelope encryption. The local key file provider
 * implements it with AES-256-GCM; a cloud KMS implements it with its Encrypt/Decrypt calls (the
 * key-encryption key never leaves the KMS). `keyId` is stored beside each row, so a provider can
 * rotate to a new key while older rows stay readable.
 */
export interface KeyProvider {
  wrapKey(dataKey: Uint8Array): Promise<WrappedKey>;
  unwrapKey(wrapped: WrappedKey): Promise<Uint8Array>;
}
