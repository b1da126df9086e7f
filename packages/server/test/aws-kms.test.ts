import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAwsKmsKeyProvider } from '../src/crypto/aws-kms-key-provider.js';
import { openEnvelope, sealEnvelope } from '../src/crypto/envelope.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares } from '../src/db/schema.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { type KmsStandIn, kmsClientFor, startKmsStandIn } from './support/kms-stand-in.js';
import { postWebhook, startTestServer, uniqueId } from './support/test-server.js';

let kms: KmsStandIn;
beforeAll(async () => {
  kms = await startKmsStandIn();
});
afterAll(async () => {
  await kms?.stop();
});

describe('the AWS KMS key provider (real @aws-sdk/client-kms against a local KMS stand-in)', () => {
  it('seals with a GenerateDataKey AES_256 data key bound to its row, and opens with Decrypt', async () => {
    const arn = kms.createKey();
    const keys = createAwsKmsKeyProvider({ keyId: arn, client: kmsClientFor(kms) });
    const context = { table: 'custodian_backup_shares', clientId: 'c-1', backupMethod: 'PASSWORD' };
    const before = kms.calls.length;
    const envelope = await sealEnvelope('a custodian share', 'aad', keys, context);
    expect(envelope.kekId).toBe(`aws-kms:${arn}`);
    expect(await openEnvelope(envelope, 'aad', keys, context)).toBe('a custodian share');
    expect(kms.calls.slice(before).map((call) => call.operation)).toEqual(['GenerateDataKey', 'Decrypt']);
    expect(kms.calls[before]?.encryptionContext).toEqual({ purpose: 'backup-kit', ...context });
  });

  it('is refused by KMS when a wrapped data key is presented for another row', async () => {
    const keys = createAwsKmsKeyProvider({ keyId: kms.createKey(), client: kmsClientFor(kms) });
    const envelope = await sealEnvelope('share', 'aad', keys, { table: 't', clientId: 'alice' });
    const error = await openEnvelope(envelope, 'aad', keys, { table: 't', clientId: 'mallory' }).catch(
      (caught: Error) => caught,
    );
    expect(error).toMatchObject({ name: 'InvalidCiphertextException' });
  });

  it('uses an alias as the key id, and stores the key ARN KMS answers with', async () => {
    const arn = kms.createKey('alias/backup-kit-test');
    const keys = createAwsKmsKeyProvider({ keyId: 'alias/backup-kit-test', client: kmsClientFor(kms) });
    const envelope = await sealEnvelope('share', 'aad', keys, { row: '1' });
    expect(envelope.kekId).toBe(`aws-kms:${arn}`);
  });

  it('cannot open a row sealed under a disabled key', async () => {
    const arn = kms.createKey();
    const keys = createAwsKmsKeyProvider({ keyId: arn, client: kmsClientFor(kms) });
    const envelope = await sealEnvelope('share', 'aad', keys, { row: '1' });
    kms.disableKey(arn);
    await expect(openEnvelope(envelope, 'aad', keys, { row: '1' })).rejects.toMatchObject({
      name: 'DisabledException',
    });
  });

  it('says how to read a row sealed by the local key file instead of failing obscurely', async () => {
    const keys = createAwsKmsKeyProvider({ keyId: kms.createKey(), client: kmsClientFor(kms) });
    await expect(
      keys.unwrapKey({ keyId: 'kek-2026-01-01-abcd', wrappedKey: new Uint8Array(60) }, { row: '1' }),
    ).rejects.toThrow(/give its key file too/);
  });
});

describeOnEachBackend('custodian shares sealed by AWS KMS', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;
  let arn: string;
  beforeAll(async () => {
    database = await backend.open();
    arn = kms.createKey();
    server = await startTestServer(database, {
      keyProvider: createAwsKmsKeyProvider({ keyId: arn, client: kmsClientFor(kms) }),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it('stores the share from the webhook with its data key wrapped by KMS, and hands it back', async () => {
    const clientId = uniqueId('client');
    const share = `share-${uniqueId('s')}`;
    expect(
      (await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share })).status,
    ).toBe(204);
    const [row] = await drizzleOf(database)
      .select()
      .from(custodianBackupShares)
      .where(eq(custodianBackupShares.clientId, clientId));
    expect(row?.kekId).toBe(`aws-kms:${arn}`);
    expect(Buffer.from(row!.sealedShare).toString('utf8')).not.toContain(share);
    const fetched = await postWebhook(server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
    expect(await fetched.json()).toEqual({ share });
    const generated = kms.calls.filter((call) => call.operation === 'GenerateDataKey').at(-1);
    expect(generated?.encryptionContext).toEqual({
      purpose: 'backup-kit',
      table: 'custodian_backup_shares',
      clientId,
      backupMethod: 'PASSWORD',
    });
  });

  it('does not open a sealed share copied onto another client row', async () => {
    const [victim, thief] = [uniqueId('victim'), uniqueId('thief')];
    await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId: victim, share: 'theirs' });
    await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId: thief, share: 'mine' });
    const db = drizzleOf(database);
    const [stolen] = await db.select().from(custodianBackupShares).where(eq(custodianBackupShares.clientId, victim));
    await db
      .update(custodianBackupShares)
      .set({
        kekId: stolen!.kekId,
        wrappedDataKey: stolen!.wrappedDataKey,
        iv: stolen!.iv,
        sealedShare: stolen!.sealedShare,
      })
      .where(eq(custodianBackupShares.clientId, thief));
    const fetched = await postWebhook(server.url, '/webhook/backup/fetch', {
      clientId: thief,
      backupMethod: 'PASSWORD',
    });
    expect(fetched.status).toBe(500);
    expect(JSON.stringify(await fetched.json())).not.toContain('theirs');
  });
});
