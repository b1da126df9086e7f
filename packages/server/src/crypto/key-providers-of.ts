import type { KMSClient } from '@aws-sdk/client-kms';
import { createAwsKmsKeyProvider } from './aws-kms-key-provider.js';
import { combineKeyProviders } from './combined-key-provider.js';
import { defaultKeyFile, refuseKeyFileInside, refuseLegacyKeyFile } from './default-key-file.js';
import type { KeyProvider } from './key-provider.js';
import { loadLocalKeyFileProvider } from './local-key-file-provider.js';

/** Which keys wrap data keys: the bin's key flags, as `startServer` and `keys rotate` take them. */
export interface KeySourceOptions {
  /** Local key file for custodian shares (default: `defaultKeyFile()`, unless `kmsKeyId`). */
  keyFile?: string;
  /** AWS KMS key for custodian shares; with `keyFile` too, that file still opens older rows. */
  kmsKeyId?: string;
  /** A key file of the vault's own (default: the custodian shares' keys). */
  vaultKeyFile?: string;
  /** An AWS KMS key of the vault's own; with `vaultKeyFile` too, that file opens older rows. */
  vaultKmsKeyId?: string;
  /** The KMS client (default: one from the AWS SDK's usual environment). */
  kmsClient?: KMSClient;
}

export interface KeyProviders {
  keyProvider: KeyProvider;
  /** Undefined when the vault shares the custodian shares' keys. */
  vaultKeyProvider?: KeyProvider;
}

/** Opens the key providers the options name, refusing a key file kept in the data folder. */
export async function keyProvidersOf(
  options: KeySourceOptions & { keyProvider?: KeyProvider },
  dataDir?: string,
): Promise<KeyProviders> {
  const local = async (path: string) => {
    refuseKeyFileInside(path, dataDir);
    return loadLocalKeyFileProvider(path);
  };
  const kms = (keyId: string) => createAwsKmsKeyProvider({ keyId, client: options.kmsClient });
  const either = async (kmsKeyId: string | undefined, keyFile: string | undefined) => {
    if (!kmsKeyId) return keyFile ? local(keyFile) : undefined;
    return keyFile ? combineKeyProviders(kms(kmsKeyId), await local(keyFile)) : kms(kmsKeyId);
  };
  const keyProvider =
    options.keyProvider ??
    (await either(options.kmsKeyId, options.keyFile)) ??
    (await loadDefaultKeyFileProvider(dataDir));
  const vaultKeyProvider = await either(options.vaultKmsKeyId, options.vaultKeyFile);
  return { keyProvider, ...(vaultKeyProvider && { vaultKeyProvider }) };
}

/** The key file at its default place, after checking no key was left at the old one. */
export async function loadDefaultKeyFileProvider(dataDir?: string) {
  const path = defaultKeyFile();
  refuseLegacyKeyFile(path);
  refuseKeyFileInside(path, dataDir);
  return loadLocalKeyFileProvider(path);
}
