import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { custodianBackupShares } from '../src/db/schema.js';
import { loadLocalKeyFileProvider } from '../src/crypto/local-key-file-provider.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { type KmsStandIn, kmsClientFor, startKmsStandIn } from './support/kms-stand-in.js';
import { type PasskeyPage, launchChromium, openPasskeyPage, servePasskeyPage } from './support/passkey-browser.js';
import { postWebhook, startTestServer, tempDir, uniqueId } from './support/test-server.js';
import { authenticate, credentialRow, randomVaultKey, registerPasskey } from './support/vault.js';

// The vault's keys under a key of their own, chosen the way the bin does (`vaultKmsKeyId`
// beside a key file for custodian shares), with a real ceremony in Chromium writing the key.
let browser: Browser;
let pages: Awaited<ReturnType<typeof servePasskeyPage>>;
let kms: KmsStandIn;

beforeAll(async () => {
  [browser, pages, kms] = await Promise.all([launchChromium(), servePasskeyPage(), startKmsStandIn()]);
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await kms?.stop();
});

describeOnEachBackend('the vault on a key provider of its own', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;
  let page: PasskeyPage;
  let vaultKey: string;
  let keyFile: string;

  beforeAll(async () => {
    database = await backend.open();
    vaultKey = kms.createKey();
    keyFile = join(await tempDir(), 'keys.json');
    const pageOrigin = `http://localhost:${pages.port}`;
    server = await startTestServer(database, {
      keyFile,
      vaultKmsKeyId: vaultKey,
      kmsClient: kmsClientFor(kms),
      vault: { relyingParties: ['localhost'], allowedOrigins: [pageOrigin] },
    });
    page = await openPasskeyPage(browser, pageOrigin);
    await page.newAuthenticator();
  });
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await database?.close();
  });

  it('seals vault keys under the vault KMS key and custodian shares under the key file', async () => {
    const { credentialId } = await registerPasskey(page, server.url);
    const key = randomVaultKey();
    expect(await authenticate(page, server.url, { credentialId, write: { key } })).toMatchObject({ status: 200 });
    expect((await credentialRow(database, credentialId))?.kekId).toBe(`aws-kms:${vaultKey}`);
    expect(kms.calls.at(-1)?.encryptionContext).toEqual({
      purpose: 'backup-kit',
      table: 'vault_credentials',
      credentialId,
    });
    expect(await authenticate(page, server.url, { credentialId })).toMatchObject({ status: 200, body: { key } });

    const clientId = uniqueId('client');
    await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share: 'custodian' });
    const [row] = await drizzleOf(database)
      .select({ kekId: custodianBackupShares.kekId })
      .from(custodianBackupShares)
      .where(eq(custodianBackupShares.clientId, clientId));
    expect(row?.kekId).toBe((await loadLocalKeyFileProvider(keyFile)).currentKeyId);
  });
});
