import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KMSClient } from '@aws-sdk/client-kms';

/** The real AWS SDK client, pointed at a stand-in (fake credentials: the stand-in checks none). */
export const kmsClientFor = (standIn: KmsStandIn) =>
  new KMSClient({
    region: 'us-east-1',
    endpoint: standIn.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });

/**
 * A small local stand-in for AWS KMS, for tests: it speaks KMS's JSON protocol over HTTP
 * (POST /, `X-Amz-Target: TrentService.<Operation>`, `application/x-amz-json-1.1`, blobs in
 * base64) for GenerateDataKey, Encrypt, Decrypt and ReEncrypt with symmetric keys, so the real
 * `@aws-sdk/client-kms` client talks to it through an endpoint override. Like KMS, it binds
 * every ciphertext to its encryption context and answers InvalidCiphertextException when
 * Decrypt is given another one, and IncorrectKeyException when the KeyId does not match.
 * It does not check SigV4 signatures, key policies or grants.
 */
export interface KmsStandIn {
  /** http://127.0.0.1:port, for `endpoint` or AWS_ENDPOINT_URL_KMS. */
  url: string;
  /** Makes a key and returns its ARN; `alias` (`alias/name`) names it too. */
  createKey(alias?: string): string;
  /** Turns a key off: anything under it no longer decrypts (DisabledException). */
  disableKey(arn: string): void;
  /** Every call received: operation and the encryption context it carried. */
  readonly calls: { operation: string; keyId?: string; encryptionContext?: Record<string, string> }[];
  stop(): Promise<void>;
}

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startKmsStandIn(): Promise<KmsStandIn> {
  const keys = new Map<string, { material: Buffer; enabled: boolean }>();
  const aliases = new Map<string, string>();
  const calls: KmsStandIn['calls'] = [];

  const arnOf = (keyId: unknown): string => {
    if (typeof keyId !== 'string' || !keyId) throw new KmsError('ValidationException', 'KeyId is required');
    const name = keyId.startsWith('arn:') && keyId.includes(':alias/') ? keyId.slice(keyId.indexOf('alias/')) : keyId;
    const arn = aliases.get(name) ?? (keys.has(name) ? name : `arn:aws:kms:${REGION}:${ACCOUNT}:key/${name}`);
    const key = keys.get(arn);
    if (!key) throw new KmsError('NotFoundException', `Key '${keyId}' does not exist`);
    if (!key.enabled) throw new KmsError('DisabledException', `${arn} is disabled.`);
    return arn;
  };
  // Canonical form of the context: the same pairs in any order bind the same ciphertext.
  const aadOf = (context: unknown) =>
    Buffer.from(JSON.stringify(Object.entries((context ?? {}) as Record<string, string>).sort()), 'utf8');

  /** Blob: [arn length (2 bytes)][arn][iv 12][ciphertext][tag 16]. */
  const encrypt = (arn: string, plaintext: Buffer, context: unknown) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keys.get(arn)!.material, iv);
    cipher.setAAD(aadOf(context));
    const arnBytes = Buffer.from(arn, 'utf8');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(arnBytes.length);
    return Buffer.concat([length, arnBytes, iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  };
  const decrypt = (blobBase64: unknown, context: unknown, keyId: unknown) => {
    const blob = Buffer.from(String(blobBase64 ?? ''), 'base64');
    const invalid = () => new KmsError('InvalidCiphertextException', '');
    if (blob.length < 2 + 12 + 16) throw invalid();
    const arnLength = blob.readUInt16BE(0);
    const arn = blob.subarray(2, 2 + arnLength).toString('utf8');
    if (!keys.has(arn)) throw invalid();
    if (keyId !== undefined && arnOf(keyId) !== arn) {
      throw new KmsError(
        'IncorrectKeyException',
        'The key ID in the request does not identify a CMK that can perform this operation.',
      );
    }
    arnOf(arn); // disabled keys refuse
    const rest = blob.subarray(2 + arnLength);
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.get(arn)!.material, rest.subarray(0, 12));
      decipher.setAAD(aadOf(context));
      decipher.setAuthTag(rest.subarray(rest.length - 16));
      return {
        arn,
        plaintext: Buffer.concat([decipher.update(rest.subarray(12, rest.length - 16)), decipher.final()]),
      };
    } catch {
      throw invalid();
    }
  };

  const operations: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    GenerateDataKey(body) {
      if (body.KeySpec !== 'AES_256' && body.NumberOfBytes !== 32) {
        throw new KmsError('ValidationException', 'this stand-in makes AES_256 data keys only');
      }
      const arn = arnOf(body.KeyId);
      const plaintext = randomBytes(32);
      return {
        KeyId: arn,
        Plaintext: plaintext.toString('base64'),
        CiphertextBlob: encrypt(arn, plaintext, body.EncryptionContext).toString('base64'),
      };
    },
    Encrypt(body) {
      const arn = arnOf(body.KeyId);
      const plaintext = Buffer.from(String(body.Plaintext ?? ''), 'base64');
      return {
        KeyId: arn,
        CiphertextBlob: encrypt(arn, plaintext, body.EncryptionContext).toString('base64'),
        EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    },
    Decrypt(body) {
      const { arn, plaintext } = decrypt(body.CiphertextBlob, body.EncryptionContext, body.KeyId);
      return { KeyId: arn, Plaintext: plaintext.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
    },
    ReEncrypt(body) {
      const source = decrypt(body.CiphertextBlob, body.SourceEncryptionContext, body.SourceKeyId);
      const arn = arnOf(body.DestinationKeyId);
      return {
        SourceKeyId: source.arn,
        KeyId: arn,
        CiphertextBlob: encrypt(arn, source.plaintext, body.DestinationEncryptionContext).toString('base64'),
        SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    },
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: Record<string, unknown>, errorType?: string) => {
        response.writeHead(status, {
          'Content-Type': 'application/x-amz-json-1.1',
          'x-amzn-RequestId': randomUUID(),
          ...(errorType && { 'x-amzn-ErrorType': errorType }),
        });
        response.end(JSON.stringify(body));
      };
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = target.startsWith('TrentService.') ? target.slice('TrentService.'.length) : '';
      const handler = operations[operation];
      if (request.method !== 'POST' || !handler) {
        answer(
          400,
          { __type: 'UnknownOperationException', message: `unknown operation ${target}` },
          'UnknownOperationException',
        );
        return;
      }
      if (!String(request.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
        answer(
          400,
          { __type: 'SerializationException', message: 'expected application/x-amz-json-1.1' },
          'SerializationException',
        );
        return;
      }
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        calls.push({
          operation,
          keyId: (body.KeyId ?? body.DestinationKeyId) as string | undefined,
          encryptionContext: (body.EncryptionContext ?? body.DestinationEncryptionContext) as
            Record<string, string> | undefined,
        });
        answer(200, handler(body));
      } catch (error) {
        const type = error instanceof KmsError ? error.type : 'KMSInternalException';
        answer(error instanceof KmsError ? 400 : 500, { __type: type, message: (error as Error).message }, type);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    createKey(alias) {
      const arn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${randomUUID()}`;
      keys.set(arn, { material: randomBytes(32), enabled: true });
      if (alias) aliases.set(alias, arn);
      return arn;
    },
    disableKey(arn) {
      const key = keys.get(arn);
      if (key) key.enabled = false;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
