import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsKmsKeyProvider } from '../src/crypto/aws-kms-key-provider.js';
import { combineKeyProviders } from '../src/crypto/combined-key-provider.js';
import type { KeyProvider } from '../src/crypto/key-provider.js';
import { loadLocalKeyFileProvider, rotateLocalKeyFile } from '../src/crypto/local-key-file-provider.js';
import { rewrapDataKeys } from '../src/crypto/rewrap-data-keys.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { openBackupDatabase } from '../src/db/open-backup-database.js';
import { custodianBackupShares, vaultCredentials } from '../src/db/schema.js';
import { silentLogger } from '../src/log/logger.js';
import { type RunningServer, startServer } from '../src/start-server.js';
import { createVaultCredentialStore } from '../src/store/vault-credential-store.js';
import { type Backend, describeOnEachBackend, postgresBackend } from './support/backends.js';
import { binIsBuilt, runBin } from './support/bin.js';
import { type KmsStandIn, kmsClientFor, startKmsStandIn } from './support/kms-stand-in.js';
import { WEBHOOK_SECRET, postWebhook, startTestServer, tempDir, uniqueId } from './support/test-server.js';

let kms: KmsStandIn;
beforeAll(async () => {
  kms = await startKmsStandIn();
});
afterAll(async () => {
  await kms?.stop();
});

const kmsKey = (keyId: string) => createAwsKmsKeyProvider({ keyId, client: kmsClientFor(kms) });

/** Custodian shares stored through the running server's webhook. */
async function storeShares(server: RunningServer, count: number) {
  const shares = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const clientId = uniqueId('client');
    const share = randomBytes(24).toString('base64');
    const stored = await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share });
    if (stored.status !== 204) throw new Error(`webhook answered ${stored.status}`);
    shares.set(clientId, share);
  }
  return shares;
}

/** Passkeys with a key sealed in the vault, written as a verified authentication would. */
async function storeVaultKeys(database: BackupDatabase, keys: KeyProvider, count: number) {
  const store = createVaultCredentialStore(drizzleOf(database), keys);
  const stored = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const credential = {
      id: randomBytes(16).toString('base64url'),
      rpId: 'localhost',
      userHandle: randomBytes(16).toString('base64url'),
      publicKey: new Uint8Array(randomBytes(77)),
      counter: 0,
      transports: ['internal'],
      mode: 'pending' as const,
    };
    await store.register(credential);
    const key = randomBytes(32).toString('base64url');
    await store.use(credential, 0, { kind: 'write-key', key });
    stored.set(credential.id, key);
  }
  return stored;
}

async function readVaultKeys(database: BackupDatabase, keys: KeyProvider, ids: Iterable<string>) {
  const store = createVaultCredentialStore(drizzleOf(database), keys);
  const read = new Map<string, string>();
  for (const id of ids) {
    const credential = await store.get(id);
    const result = await store.use(credential!, credential!.counter, { kind: 'read' });
    if (typeof result === 'object' && result.mode === 'vault') read.set(id, result.key);
  }
  return read;
}

/**
 * Reads every share through the server, over and over, until `during` settles: any answer that
 * is not the share counts as a failure. Returns how many reads ran and what failed.
 */
async function readWhile<T>(server: RunningServer, shares: Map<string, string>, during: () => Promise<T>) {
  let done = false;
  let reads = 0;
  const failures: string[] = [];
  const reader = async () => {
    while (!done) {
      for (const [clientId, share] of shares) {
        const answer = await postWebhook(server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
        const body = (await answer.json()) as { share?: string };
        reads += 1;
        if (answer.status !== 200 || body.share !== share) failures.push(`${clientId}: ${answer.status}`);
      }
    }
  };
  const readers = [reader(), reader(), reader()];
  try {
    return { result: await during(), reads: () => reads, failures };
  } finally {
    done = true;
    await Promise.all(readers);
  }
}

const kekIdsOf = async (database: BackupDatabase) => {
  const db = drizzleOf(database);
  const shares = await db.select({ kekId: custodianBackupShares.kekId }).from(custodianBackupShares);
  const vault = await db.select({ kekId: vaultCredentials.kekId }).from(vaultCredentials);
  return { shares: new Set(shares.map((row) => row.kekId)), vault: new Set(vault.map((row) => row.kekId)) };
};

describeOnEachBackend('key rotation while the server serves', (backend: Backend) => {
  let database: BackupDatabase;
  beforeEach(async () => {
    database = await backend.open();
  });
  afterEach(async () => {
    await database?.close();
  });

  it('re-wraps every data key under the new key of the key file, shares readable throughout', async () => {
    const keyFile = join(await tempDir(), 'keys.json');
    const server = await startTestServer(database, { keyFile });
    try {
      const keys = await loadLocalKeyFileProvider(keyFile);
      const oldKeyId = keys.currentKeyId;
      const shares = await storeShares(server, 12);
      const vaultKeys = await storeVaultKeys(database, keys, 4);

      const rotation = await readWhile(server, shares, async () => {
        await new Promise((resolve) => setTimeout(resolve, 100)); // reads are in flight first
        const newKeyId = await rotateLocalKeyFile(keyFile);
        const report = await rewrapDataKeys(database, { keyProvider: await loadLocalKeyFileProvider(keyFile) });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { newKeyId, report };
      });
      expect(rotation.failures).toEqual([]);
      expect(rotation.reads()).toBeGreaterThan(shares.size);
      const { newKeyId, report } = rotation.result;
      expect(newKeyId).not.toBe(oldKeyId);
      expect(report).toEqual({ custodianShares: 12, vaultKeys: 4, left: 0 });
      expect(await kekIdsOf(database)).toEqual({ shares: new Set([newKeyId]), vault: new Set([newKeyId]) });
      expect(await readVaultKeys(database, keys, vaultKeys.keys())).toEqual(vaultKeys);

      // The running server wraps new shares under the new key without a restart.
      const later = await storeShares(server, 1);
      expect((await kekIdsOf(database)).shares).toEqual(new Set([newKeyId]));
      expect(later.size).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it('re-encrypts under a new KMS key, the vault under its own new key, readable after the old keys are disabled', async () => {
    const [oldShareKey, newShareKey, oldVaultKey, newVaultKey] = [1, 2, 3, 4].map(() => kms.createKey()) as [
      string,
      string,
      string,
      string,
    ];
    const server = await startTestServer(database, { keyProvider: kmsKey(oldShareKey) });
    try {
      const shares = await storeShares(server, 8);
      const vaultKeys = await storeVaultKeys(database, kmsKey(oldVaultKey), 3);
      const rotation = await readWhile(server, shares, async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return rewrapDataKeys(database, { keyProvider: kmsKey(newShareKey), vaultKeyProvider: kmsKey(newVaultKey) });
      });
      expect(rotation.failures).toEqual([]);
      expect(rotation.result).toEqual({ custodianShares: 8, vaultKeys: 3, left: 0 });
      expect(await kekIdsOf(database)).toEqual({
        shares: new Set([`aws-kms:${newShareKey}`]),
        vault: new Set([`aws-kms:${newVaultKey}`]),
      });
      expect(kms.calls.some((call) => call.operation === 'ReEncrypt' && call.keyId === newVaultKey)).toBe(true);

      kms.disableKey(oldShareKey);
      kms.disableKey(oldVaultKey);
      for (const [clientId, share] of shares) {
        const answer = await postWebhook(server.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
        expect(await answer.json()).toEqual({ share });
      }
      expect(await readVaultKeys(database, kmsKey(newVaultKey), vaultKeys.keys())).toEqual(vaultKeys);
    } finally {
      await server.stop();
    }
  });

  it('moves rows from the local key file to KMS with no downtime', async () => {
    const keyFile = join(await tempDir(), 'keys.json');
    const server = await startTestServer(database, { keyFile });
    const arn = kms.createKey();
    try {
      const shares = await storeShares(server, 5);
      const both = combineKeyProviders(kmsKey(arn), await loadLocalKeyFileProvider(keyFile));
      const report = await rewrapDataKeys(database, { keyProvider: both });
      expect(report).toEqual({ custodianShares: 5, vaultKeys: 0, left: 0 });
      expect((await kekIdsOf(database)).shares).toEqual(new Set([`aws-kms:${arn}`]));
      // A server on KMS alone reads them now.
      const onKms = await startTestServer(database, { keyProvider: kmsKey(arn) });
      try {
        for (const [clientId, share] of shares) {
          const answer = await postWebhook(onKms.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
          expect(await answer.json()).toEqual({ share });
        }
      } finally {
        await onKms.stop();
      }
    } finally {
      await server.stop();
    }
  });
});

// The bin as an operator runs it: `keys rotate` against Postgres while a server keeps serving.
describe.skipIf(!binIsBuilt() || !postgresBackend().available)('backup-kit-server keys rotate', () => {
  it('re-wraps every data key while a server on the same Postgres keeps serving reads', async () => {
    const backend = postgresBackend();
    const database = await backend.open();
    const keyFile = join(await tempDir(), 'keys.json');
    const server = await startTestServer(database, { keyFile });
    try {
      const shares = await storeShares(server, 10);
      const rotation = await readWhile(server, shares, async () => {
        const run = runBin(['keys', 'rotate', '--key-file', keyFile], { DATABASE_URL: backend.url() });
        return { code: await run.exited, ...run.output() };
      });
      expect(rotation.result.stderr).not.toMatch(/error/i);
      expect(rotation.result.code).toBe(0);
      expect(rotation.result.stdout).toMatch(/re-wrapped 10 custodian share data keys and 0 vault data keys/);
      expect(rotation.failures).toEqual([]);
      expect(rotation.reads()).toBeGreaterThan(0);
      const current = (await loadLocalKeyFileProvider(keyFile)).currentKeyId;
      expect((await kekIdsOf(database)).shares).toEqual(new Set([current]));
    } finally {
      await server.stop();
      await database.close();
    }
  });

  it('serves with --kms-key-id, the KMS endpoint and region from the AWS environment', async () => {
    const arn = kms.createKey();
    const dir = await tempDir();
    const run = runBin(['--port', '0', '--data-dir', 'memory://', '--kms-key-id', arn], {
      WEBHOOK_SECRET,
      NODE_ENV: 'development',
      BACKUP_KIT_DEV: '1',
      DATABASE_URL: '',
      XDG_CONFIG_HOME: dir,
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_KMS: kms.url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    });
    try {
      const url = await run.url();
      const before = kms.calls.length;
      const clientId = uniqueId('client');
      await postWebhook(url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'via-kms' });
      const fetched = await postWebhook(url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
      expect(await fetched.json()).toEqual({ share: 'via-kms' });
      expect(kms.calls.slice(before).map((call) => call.operation)).toEqual(['GenerateDataKey', 'Decrypt']);
      expect(existsSync(join(dir, 'backup-kit', 'keys.json'))).toBe(false); // no local key was made
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });

  it('refuses to start while a key sits at the old default place in .data', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, '.data'), { mode: 0o700 });
    await writeFile(join(cwd, '.data', 'backup-kit-keys.json'), '{}', { mode: 0o600 });
    const run = runBin(
      ['--port', '0', '--data-dir', 'memory://'],
      {
        WEBHOOK_SECRET,
        NODE_ENV: 'development',
        BACKUP_KIT_DEV: '1',
        DATABASE_URL: '',
        XDG_CONFIG_HOME: join(cwd, 'config'),
      },
      cwd,
    );
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/old default place .*backup-kit-keys\.json.*mv /);
    expect(existsSync(join(cwd, 'config', 'backup-kit', 'keys.json'))).toBe(false);
  });

  it('rotates a PGlite data folder once its server has stopped', async () => {
    const dir = await tempDir();
    const keyFile = join(dir, 'keys.json');
    const dataDir = join(dir, 'pg');
    const first = await startServer({
      dataDir,
      keyFile,
      webhookSecret: WEBHOOK_SECRET,
      logger: silentLogger,
      mode: 'development',
    });
    const shares = await storeShares(first, 3);
    await first.stop();
    const run = runBin(['keys', 'rotate', '--data-dir', dataDir, '--key-file', keyFile], { DATABASE_URL: '' });
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/re-wrapped 3 custodian share data keys/);
    const current = (await loadLocalKeyFileProvider(keyFile)).currentKeyId;
    const second = await startServer({
      dataDir,
      keyFile,
      webhookSecret: WEBHOOK_SECRET,
      logger: silentLogger,
      mode: 'development',
    });
    try {
      for (const [clientId, share] of shares) {
        const answer = await postWebhook(second.url, '/webhook/backup/fetch', { clientId, backupMethod: 'PASSWORD' });
        expect(await answer.json()).toEqual({ share });
      }
      const clientId = uniqueId('client');
      await postWebhook(second.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'after' });
    } finally {
      await second.stop();
    }
    const reopened = await openBackupDatabase({ dataDir });
    try {
      expect((await kekIdsOf(reopened)).shares).toEqual(new Set([current]));
    } finally {
      await reopened.close();
    }
  });
});
