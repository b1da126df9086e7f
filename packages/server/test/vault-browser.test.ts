import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import type { KeyProvider } from '../src/crypto/key-provider.js';
import { loadLocalKeyFileProvider } from '../src/crypto/local-key-file-provider.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { type PasskeyPage, launchChromium, openPasskeyPage, servePasskeyPage } from './support/passkey-browser.js';
import { startTestServer, tempDir } from './support/test-server.js';
import { authenticate, credentialRow, randomVaultKey, registerPasskey } from './support/vault.js';

// Real WebAuthn: Debian's Chromium with a CDP virtual authenticator, the page on
// http://localhost:<port> (rpId localhost) calling the vault cross-origin, as the kit's direct
// path does. One browser for the file, one page per backend, a new authenticator per test.
let browser: Browser;
let pages: Awaited<ReturnType<typeof servePasskeyPage>>;

beforeAll(async () => {
  [browser, pages] = await Promise.all([launchChromium(), servePasskeyPage()]);
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

describeOnEachBackend('passkey vault, real ceremonies in Chromium', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;
  let vault: string;
  let page: PasskeyPage;
  /** The vault's own key-encryption key, apart from the custodian shares' one. */
  const vaultKeys = { wrapped: 0, unwrapped: 0 };

  beforeAll(async () => {
    database = await backend.open();
    const pageOrigin = `http://localhost:${pages.port}`;
    const provider = await loadLocalKeyFileProvider(join(await tempDir(), 'vault-keys.json'));
    const keyProvider: KeyProvider = {
      wrapKey: (dataKey) => ((vaultKeys.wrapped += 1), provider.wrapKey(dataKey)),
      unwrapKey: (wrapped) => ((vaultKeys.unwrapped += 1), provider.unwrapKey(wrapped)),
    };
    server = await startTestServer(database, {
      vault: { relyingParties: ['localhost'], allowedOrigins: [pageOrigin], keyProvider },
    });
    vault = server.url;
    page = await openPasskeyPage(browser, pageOrigin);
  });
  beforeEach(async () => {
    await page.newAuthenticator();
  });
  afterAll(async () => {
    await page?.close();
    await server?.stop();
    await database?.close();
  });

  it('registers a passkey, stores a key in one authentication and gives it back in a discoverable one', async () => {
    const { credentialId, prfOutput } = await registerPasskey(page, vault);
    expect(prfOutput).toBeNull(); // this authenticator has no PRF: the vault keeps the key
    expect((await credentialRow(database, credentialId))?.mode).toBe('pending');
    expect(await page.credentialCount()).toBe(1);

    const key = randomVaultKey();
    const before = { ...vaultKeys };
    const written = await authenticate(page, vault, { credentialId, write: { key } });
    expect(written).toMatchObject({ status: 200, body: { credentialId, mode: 'vault' } });
    expect(written.body).not.toHaveProperty('key');
    expect(vaultKeys.wrapped).toBe(before.wrapped + 1); // sealed under the vault's own key

    // Recovery: no credential id known, the authenticator offers its discoverable passkey.
    const read = await authenticate(page, vault);
    expect(read).toMatchObject({ status: 200, body: { credentialId, mode: 'vault', key } });
    expect(vaultKeys.unwrapped).toBe(before.unwrapped + 1);
  });

  it('keeps no key for a PRF passkey: reads say "prf" and the same PRF output comes back', async () => {
    await page.newAuthenticator({ hasPrf: true });
    const { credentialId, prfOutput } = await registerPasskey(page, vault);
    expect(prfOutput).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await credentialRow(database, credentialId);
    expect(row).toMatchObject({ mode: 'prf', kekId: null, wrappedDataKey: null, iv: null, sealedKey: null });

    const read = await authenticate(page, vault);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ credentialId, mode: 'prf' });
    // The browser derives the key again from the same output; the vault never saw it.
    expect(read.prfOutput).toBe(prfOutput);
  });

  it('deletes a stored key when the passkey moves to PRF mode, and stores one again on a key write', async () => {
    await page.newAuthenticator({ hasPrf: true });
    const options = await page.post(`${vault}/vault/registration/options`, { rpId: 'localhost', rpName: 'Test' });
    const created = await page.create(options.body.options);
    // Registered as a vault passkey (as on a browser without PRF at create).
    const { body } = await page.post(`${vault}/vault/registration/verify`, {
      ceremonyId: options.body.ceremonyId,
      response: created.response,
    });
    const credentialId = body.credentialId as string;
    expect((await authenticate(page, vault, { credentialId, write: { key: randomVaultKey() } })).status).toBe(200);
    expect((await credentialRow(database, credentialId))?.sealedKey).not.toBeNull();

    const toPrf = await authenticate(page, vault, { credentialId, write: { prf: true } });
    expect(toPrf).toMatchObject({ status: 200, body: { credentialId, mode: 'prf' } });
    expect(await credentialRow(database, credentialId)).toMatchObject({ mode: 'prf', sealedKey: null, kekId: null });

    const key = randomVaultKey();
    await authenticate(page, vault, { credentialId, write: { key } });
    expect((await authenticate(page, vault, { credentialId })).body).toEqual({ credentialId, mode: 'vault', key });
  });

  it('answers 404 to a read before any key was written', async () => {
    const { credentialId } = await registerPasskey(page, vault);
    const read = await authenticate(page, vault, { credentialId });
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ error: 'not_found' });
  });

  it('is never reached when the authenticator cannot verify the user: the browser refuses first', async () => {
    await page.newAuthenticator({ isUserVerified: false });
    const options = await page.post(`${vault}/vault/registration/options`, { rpId: 'localhost', rpName: 'Test' });
    await expect(page.create(options.body.options)).rejects.toThrow(/NotAllowedError/);
    expect(await page.credentialCount()).toBe(0);
  });

  it('refuses a registration from an authenticator that cannot verify the user, to a client that relaxed UV', async () => {
    await page.newAuthenticator({ hasUserVerification: false, isUserVerified: false });
    const options = await page.post(`${vault}/vault/registration/options`, { rpId: 'localhost', rpName: 'Test' });
    const created = await page.create(options.body.options, { tweak: { userVerification: 'discouraged' } });
    expect(await page.credentialCount()).toBe(1); // the authenticator made it, without UV
    const refused = await page.post(`${vault}/vault/registration/verify`, {
      ceremonyId: options.body.ceremonyId,
      response: created.response,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: 'verification_failed',
      message: expect.stringMatching(/user verification/),
    });
    expect(await credentialRow(database, created.response.id as string)).toBeUndefined();
  });

  it('refuses to read a key with an assertion made without user verification', async () => {
    const { credentialId } = await registerPasskey(page, vault);
    const key = randomVaultKey();
    expect((await authenticate(page, vault, { credentialId, write: { key } })).status).toBe(200);

    // The same passkey, copied into an authenticator that cannot verify the user.
    const [credential] = await page.exportCredentials();
    await page.newAuthenticator({ hasUserVerification: false, isUserVerified: false });
    await page.importCredential(credential!);
    const options = await page.post(`${vault}/vault/authentication/options`, { rpId: 'localhost', credentialId });
    const relaxed = await page.get(options.body.options, { tweak: { userVerification: 'discouraged' } });
    const read = await page.post(`${vault}/vault/authentication/verify`, {
      ceremonyId: options.body.ceremonyId,
      response: relaxed.response,
    });
    expect(read.status).toBe(400);
    expect(read.body).toMatchObject({
      error: 'verification_failed',
      message: expect.stringMatching(/user verification/),
    });
    expect(JSON.stringify(read.body)).not.toContain(key);

    // Control: copied back into an authenticator that verifies, it reads the key: UV alone made the difference.
    const [copied] = await page.exportCredentials();
    await page.newAuthenticator();
    await page.importCredential(copied!);
    expect((await authenticate(page, vault, { credentialId })).body).toMatchObject({ key });
  });
});
