/** A data key after wrapping, with the id of the key-encryption key that wrapped it. */
export interface WrappedKey {
  keyId: string;
  wrappedKey: Uint8Array;
}

/**
 * What binds a data key to its row, e.g. `{ table: 'custodian_backup_shares', clientId, backupMethod }`.
 * A KMS checks it on every unwrap (AWS KMS: the encryption context), so a wrapped key copied onto
 * another row does not unwrap; it also shows in the KMS's audit log. Never secret.
 */
export type KeyContext = Readonly<Record<string, string>>;

/**
 * Wraps and unwraps the per-row data keys of envelope encryption. The local key file provider
 * implements it with AES-256-GCM; the AWS KMS provider with GenerateDataKey and Decrypt (the
 * key-encryption key never leaves the KMS). `keyId` is stored beside each row, so a provider can
 * rotate to a new key while older rows stay readable.
 */
export interface KeyProvider {
  wrapKey(dataKey: Uint8Array, context?: KeyContext): Promise<WrappedKey>;
  unwrapKey(wrapped: WrappedKey, context?: KeyContext): Promise<Uint8Array>;
  /** A fresh 256-bit data key and its wrapping in one step (a KMS's GenerateDataKey). */
  generateDataKey?(context: KeyContext): Promise<{ dataKey: Uint8Array; wrapped: WrappedKey }>;
  /**
   * The same data key wrapped under the current key-encryption key, for rotation; without it,
   * rotation unwraps and wraps again. A KMS re-encrypts without the data key leaving it.
   */
  rewrapKey?(wrapped: WrappedKey, context: KeyContext): Promise<WrappedKey>;
  /** Whether `keyId` is one of this provider's keys (used when several providers are combined). */
  handles?(keyId: string): boolean;
}
