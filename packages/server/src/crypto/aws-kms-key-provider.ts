import type * as KmsSdk from '@aws-sdk/client-kms';
import type { KeyContext, KeyProvider, WrappedKey } from './key-provider.js';

/** Stored key ids of KMS-wrapped rows: the prefix tells them from local key file ids. */
const KMS_KEY_PREFIX = 'aws-kms:';

/** Every data key carries this in its encryption context, beside the row's own fields. */
const PURPOSE = { purpose: 'backup-kit' } as const;

export interface AwsKmsKeyProviderOptions {
  /** The KMS key new data keys are generated under: key id, key ARN, alias name or alias ARN. */
  keyId: string;
  /**
   * A client of your own (region, credentials, endpoint). Default: `new KMSClient({})`, which
   * reads the SDK's usual environment (AWS_REGION, AWS_ENDPOINT_URL_KMS or AWS_ENDPOINT_URL,
   * credentials from the environment, a profile or the instance role).
   */
  client?: KmsSdk.KMSClient;
}

export interface AwsKmsKeyProvider extends KeyProvider {
  readonly keyId: string;
}

/**
 * Data keys from AWS KMS: `GenerateDataKey` (AES_256) for each new row and `Decrypt` to read it,
 * each with an encryption context that names the row, so KMS refuses to unwrap a key moved to
 * another row and its audit log says which row was read. The key-encryption key never leaves
 * KMS. Rows remember the key ARN that wrapped them, so after a switch to a new `keyId` older
 * rows still open (as long as the old key is enabled) until `keys rotate` re-encrypts them.
 */
export function createAwsKmsKeyProvider(options: AwsKmsKeyProviderOptions): AwsKmsKeyProvider {
  if (!options.keyId) throw new Error('AWS KMS: keyId is required');
  // Loaded on first use: a server on the local key file never loads the AWS SDK.
  let loading: Promise<{ sdk: typeof KmsSdk; client: KmsSdk.KMSClient }> | undefined;
  const kms = () =>
    (loading ??= import('@aws-sdk/client-kms').then((sdk) => ({
      sdk,
      client: options.client ?? new sdk.KMSClient({}),
    })));
  const stored = (arn: string | undefined, blob: Uint8Array | undefined): WrappedKey => {
    if (!arn || !blob) throw new Error('AWS KMS answered without a key id or ciphertext');
    return { keyId: `${KMS_KEY_PREFIX}${arn}`, wrappedKey: blob };
  };
  const kmsKeyOf = (keyId: string) => {
    if (!keyId.startsWith(KMS_KEY_PREFIX)) {
      throw new Error(
        `this row's data key was wrapped by "${keyId}", not by AWS KMS; give its key file too ` +
          '(--key-file beside --kms-key-id) to read it, and `keys rotate` to move it to KMS',
      );
    }
    return keyId.slice(KMS_KEY_PREFIX.length);
  };
  const contextOf = (context: KeyContext | undefined) => ({ ...PURPOSE, ...context });

  return {
    keyId: options.keyId,
    handles: (keyId) => keyId.startsWith(KMS_KEY_PREFIX),

    async generateDataKey(context) {
      const { sdk, client } = await kms();
      const answer = await client.send(
        new sdk.GenerateDataKeyCommand({
          KeyId: options.keyId,
          KeySpec: 'AES_256',
          EncryptionContext: contextOf(context),
        }),
      );
      if (!answer.Plaintext || answer.Plaintext.length !== 32) throw new Error('AWS KMS returned no 256-bit data key');
      return { dataKey: answer.Plaintext, wrapped: stored(answer.KeyId, answer.CiphertextBlob) };
    },

    async wrapKey(dataKey, context) {
      const { sdk, client } = await kms();
      const answer = await client.send(
        new sdk.EncryptCommand({ KeyId: options.keyId, Plaintext: dataKey, EncryptionContext: contextOf(context) }),
      );
      return stored(answer.KeyId, answer.CiphertextBlob);
    },

    async unwrapKey(wrapped, context) {
      const { sdk, client } = await kms();
      const answer = await client.send(
        new sdk.DecryptCommand({
          KeyId: kmsKeyOf(wrapped.keyId),
          CiphertextBlob: wrapped.wrappedKey,
          EncryptionContext: contextOf(context),
        }),
      );
      if (!answer.Plaintext) throw new Error('AWS KMS returned no plaintext');
      return answer.Plaintext;
    },

    async rewrapKey(wrapped, context) {
      const { sdk, client } = await kms();
      const answer = await client.send(
        new sdk.ReEncryptCommand({
          CiphertextBlob: wrapped.wrappedKey,
          SourceKeyId: kmsKeyOf(wrapped.keyId),
          SourceEncryptionContext: contextOf(context),
          DestinationKeyId: options.keyId,
          DestinationEncryptionContext: contextOf(context),
        }),
      );
      return stored(answer.KeyId, answer.CiphertextBlob);
    },
  };
}
