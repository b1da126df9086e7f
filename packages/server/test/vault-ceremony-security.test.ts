import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { vaultCredentials } from '../src/db/schema.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { launchChromium, openPasskeyPage, type PasskeyPage, servePasskeyPage } from './support/passkey-browser.js';
import { captureLogs, startTestServer } from './support/test-server.js';
import {
  assertion,
  authenticate,
  credentialRow,
  expireCeremony,
  randomVaultKey,
  registerPasskey,
  vaultPost,
} from './support/vault.js';

// The ways a ceremony must fail, each with a real response from Chromium's virtual
// authenticator, so that only the property under test is wrong.
let browser: Browser;
let pages: Awaited<ReturnType<typeof servePasskeyPage>>;
let strangerPages: Awaited<ReturnType<typeof servePasskeyPage>>;

beforeAll(async () => {
  [browser, pages, strangerPages] = await Promise.all([launchChromium(), servePasskeyPage(), servePasskeyPage()]);
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await strangerPages?.close();
});

/** Flips one bit in the middle of a base64url value. */
const tamper = (value: string) => {
  const bytes = Buffer.from(value, 'base64url');
  bytes[bytes.length >> 1]! ^= 0x01;
  return bytes.toString('base64url');
};

describeOnEachBackend('passkey vault ceremonies that must fail', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;
  let vault: string;
  /** Holds the passkey most tests use. */
  let page: PasskeyPage;
  let credentialId: string;
  /** For passkeys of their own: a new authenticator per test. */
  let other: PasskeyPage;
  const logs = captureLogs();
  let localOrigin: string;

  beforeAll(async () => {
    database = await backend.open();
    localOrigin = `http://localhost:${pages.port}`;
    server = await startTestServer(database, {
      logger: logs.logger,
      vault: {
        relyingParties: ['localhost', 'app.localhost'],
        allowedOrigins: [localOrigin, `http://app.localhost:${pages.port}`],
      },
    });
    vault = server.url;
    [page, other] = await Promise.all([
      openPasskeyPage(browser, localOrigin, { hasPrf: true }),
      openPasskeyPage(browser, localOrigin),
    ]);
    ({ credentialId } = await registerPasskey(page, vault));
  });
  afterAll(async () => {
    await Promise.all([page, other].map((open) => open?.close()));
    await server?.stop();
    await database?.close();
  });

  it('accepts a verify once: the replay of the same request gets 409 and changes nothing', async () => {
    const { ceremonyId, response } = await assertion(page, vault, { credentialId });
    const key = randomVaultKey();
    const first = await vaultPost(vault, 'authentication/verify', { ceremonyId, response, write: { key } });
    expect(first.status).toBe(200);
    const replay = await vaultPost(vault, 'authentication/verify', {
      ceremonyId,
      response,
      write: { key: randomVaultKey() },
    });
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ error: 'ceremony_used', field: 'ceremonyId' });
    expect((await authenticate(page, vault, { credentialId })).body).toMatchObject({ key });
  });

  it('accepts a registration verify once too', async () => {
    const fresh = other;
    await fresh.goTo(localOrigin);
    await fresh.newAuthenticator();
    const options = await fresh.post(`${vault}/vault/registration/options`, { rpId: 'localhost', rpName: 'Test' });
    const { response } = await fresh.create(options.body.options);
    const body = { ceremonyId: options.body.ceremonyId, response };
    expect((await vaultPost(vault, 'registration/verify', body)).status).toBe(200);
    expect(await vaultPost(vault, 'registration/verify', body)).toMatchObject({
      status: 409,
      body: { error: 'ceremony_used' },
    });
  });

  it('lets exactly one of two simultaneous verifies of one ceremony through', async () => {
    const { ceremonyId, response } = await assertion(page, vault, { credentialId });
    const answers = await Promise.all(
      [1, 2].map(() => vaultPost(vault, 'authentication/verify', { ceremonyId, response })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('refuses an expired ceremony with 400, though the response is otherwise good', async () => {
    const { ceremonyId, response } = await assertion(page, vault, { credentialId });
    await expireCeremony(database, ceremonyId);
    const answer = await vaultPost(vault, 'authentication/verify', { ceremonyId, response });
    expect(answer).toMatchObject({ status: 400, body: { error: 'ceremony_expired', field: 'ceremonyId' } });
    expect(answer.body).not.toHaveProperty('key');
  });

  it('refuses a response made on a page origin it does not allow', async () => {
    const stranger = other;
    await stranger.newAuthenticator();
    await stranger.goTo(`http://localhost:${strangerPages.port}`);
    // rpId localhost is valid on any localhost port, so the browser makes the passkey...
    const options = await vaultPost(vault, 'registration/options', { rpId: 'localhost', rpName: 'Test' });
    const { response } = await stranger.create(options.body.options);
    // ...and the page cannot even call the vault (CORS), nor can anyone else use the response.
    await expect(
      stranger.post(`${vault}/vault/registration/options`, { rpId: 'localhost', rpName: 'T' }),
    ).rejects.toThrow(/Failed to fetch/);
    const answer = await vaultPost(vault, 'registration/verify', { ceremonyId: options.body.ceremonyId, response });
    expect(answer).toMatchObject({ status: 400, body: { error: 'verification_failed' } });
    expect(answer.body.message).toMatch(/\(origin\)/);
  });

  it('refuses a response made for another RP ID than its ceremony’s', async () => {
    // app.localhost may use rpId app.localhost; the ceremony was opened for localhost.
    const app = other;
    await app.newAuthenticator();
    await app.goTo(`http://app.localhost:${pages.port}`);
    const options = await app.post(`${vault}/vault/registration/options`, { rpId: 'localhost', rpName: 'Test' });
    const { response } = await app.create(options.body.options, { tweak: { rpId: 'app.localhost' } });
    const answer = await app.post(`${vault}/vault/registration/verify`, {
      ceremonyId: options.body.ceremonyId,
      response,
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'verification_failed' } });
    expect(answer.body.message).toMatch(/\(rpId\)/);
  });

  it('refuses a rpId it does not serve before any ceremony', async () => {
    expect(await vaultPost(vault, 'registration/options', { rpId: 'evil.example', rpName: 'Test' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', field: 'rpId' },
    });
    expect(await vaultPost(vault, 'authentication/options', { rpId: 'evil.example' })).toMatchObject({
      status: 400,
      body: { field: 'rpId' },
    });
  });

  it('writes no key without a verified authentication', async () => {
    const before = await credentialRow(database, credentialId);
    const attempts: Record<string, unknown>[] = [];

    // A signature that does not match.
    const signed = await assertion(page, vault, { credentialId });
    const response = signed.response as { response: Record<string, string> };
    attempts.push({
      ceremonyId: signed.ceremonyId,
      response: { ...response, response: { ...response.response, signature: tamper(response.response.signature!) } },
    });
    // A genuine assertion, but for another ceremony's challenge.
    const other = await assertion(page, vault, { credentialId });
    const unrelated = await vaultPost(vault, 'authentication/options', { rpId: 'localhost', credentialId });
    attempts.push({ ceremonyId: unrelated.body.ceremonyId, response: other.response });
    // A registration ceremony's id for an authentication.
    const registration = await vaultPost(vault, 'registration/options', { rpId: 'localhost', rpName: 'Test' });
    const third = await assertion(page, vault, { credentialId });
    attempts.push({ ceremonyId: registration.body.ceremonyId, response: third.response });
    // No ceremony at all.
    attempts.push({ ceremonyId: crypto.randomUUID(), response: third.response });

    const statuses = [];
    for (const attempt of attempts) {
      statuses.push(
        (await vaultPost(vault, 'authentication/verify', { ...attempt, write: { key: randomVaultKey() } })).status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400]);
    const after = await credentialRow(database, credentialId);
    expect(after?.sealedKey).toEqual(before?.sealedKey);
    expect(after?.mode).toBe(before?.mode);
  });

  it('refuses an assertion by another passkey than the one the ceremony was opened for', async () => {
    const second = other;
    await second.goTo(localOrigin);
    await second.newAuthenticator();
    const { credentialId: secondId } = await registerPasskey(second, vault);
    const forFirst = await vaultPost(vault, 'authentication/options', { rpId: 'localhost', credentialId });
    const bySecond = await assertion(second, vault, { credentialId: secondId });
    const answer = await vaultPost(vault, 'authentication/verify', {
      ceremonyId: forFirst.body.ceremonyId,
      response: bySecond.response,
      write: { key: randomVaultKey() },
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'verification_failed' } });
    expect((await credentialRow(database, secondId))?.mode).toBe('pending');
  });

  it('refuses a response that still carries the PRF output, and says which field', async () => {
    const registration = await vaultPost(vault, 'registration/options', { rpId: 'localhost', rpName: 'Test' });
    const leaky = other;
    await leaky.goTo(localOrigin);
    await leaky.newAuthenticator({ hasPrf: true });
    const created = await leaky.create(registration.body.options, { keepPrfOutput: true });
    expect(created.prfOutput).not.toBeNull();
    const refused = await vaultPost(vault, 'registration/verify', {
      ceremonyId: registration.body.ceremonyId,
      response: created.response,
      prf: true,
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', field: 'response.clientExtensionResults.prf.results' },
    });
    // Refused before the ceremony was touched: the same ceremony still verifies without the leak.
    const clean = { ...created.response, clientExtensionResults: { prf: { enabled: true } } };
    expect(
      (
        await vaultPost(vault, 'registration/verify', {
          ceremonyId: registration.body.ceremonyId,
          response: clean,
          prf: true,
        })
      ).status,
    ).toBe(200);

    const options = await vaultPost(vault, 'authentication/options', { rpId: 'localhost' });
    const leakyRead = await leaky.get(options.body.options, { keepPrfOutput: true });
    expect(
      await vaultPost(vault, 'authentication/verify', {
        ceremonyId: options.body.ceremonyId,
        response: leakyRead.response,
      }),
    ).toMatchObject({ status: 400, body: { field: 'response.clientExtensionResults.prf.results' } });
  });

  it('keeps a key sealed when someone with write access to the database swaps in their own public key', async () => {
    const key = randomVaultKey();
    expect((await authenticate(page, vault, { credentialId, write: { key } })).status).toBe(200);
    // The attacker's own passkey...
    await other.goTo(localOrigin);
    await other.newAuthenticator();
    const { credentialId: attackerId } = await registerPasskey(other, vault);
    const [attacker] = await other.exportCredentials();
    const victim = (await credentialRow(database, credentialId))!;
    const attackerRow = (await credentialRow(database, attackerId))!;
    // ...whose public key replaces the victim's in the database,
    await drizzleOf(database)
      .update(vaultCredentials)
      .set({ publicKey: attackerRow.publicKey, counter: 0 })
      .where(eq(vaultCredentials.id, credentialId));
    // and whose private key signs under the victim's credential id and user handle.
    await other.newAuthenticator();
    await other.importCredential({
      ...attacker!,
      credentialId: Buffer.from(credentialId, 'base64url').toString('base64'),
      userHandle: Buffer.from(victim.userHandle, 'base64url').toString('base64'),
    });
    const logged = logs.lines.length;
    const read = await authenticate(other, vault, { credentialId });
    // The signature verifies against the swapped key, but the sealed key is bound to the old one.
    expect(read.status).toBe(500);
    expect(read.body).toEqual({ error: 'internal_error', message: 'internal server error' });
    expect(logs.lines.slice(logged).join('\n')).toContain('did not open');
    expect(logs.lines.join('\n')).not.toContain(key);

    // Put back, the victim's passkey still reads its key.
    await drizzleOf(database)
      .update(vaultCredentials)
      .set({ publicKey: victim.publicKey, counter: victim.counter })
      .where(eq(vaultCredentials.id, credentialId));
    expect((await authenticate(page, vault, { credentialId })).body).toMatchObject({ key });
  });

  it('stores keys encrypted: the raw row holds neither the key’s text nor its bytes', async () => {
    const key = randomVaultKey();
    expect((await authenticate(page, vault, { credentialId, write: { key } })).status).toBe(200);
    const row = await credentialRow(database, credentialId);
    expect(row?.mode).toBe('vault');
    const keyBytes = Buffer.from(key, 'base64url');
    for (const value of Object.values(row ?? {})) {
      const raw = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value) ?? '');
      expect(raw.includes(keyBytes)).toBe(false);
      expect(raw.includes(Buffer.from(key))).toBe(false);
      expect(raw.toString('latin1')).not.toContain(key);
    }
    expect(row?.sealedKey?.length).toBe(key.length + 16); // ciphertext + GCM tag
  });

  it('never logs a key, a PRF output or a credential’s key material', async () => {
    const key = randomVaultKey();
    await authenticate(page, vault, { credentialId, write: { key } });
    const read = await authenticate(page, vault, { credentialId });
    expect(read.body.key).toBe(key);
    const row = await credentialRow(database, credentialId);
    const text = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThan(10);
    expect(text).toContain('/vault/authentication/verify'); // the requests were logged...
    expect(text).not.toContain(key); // ...without what they carried
    expect(text).not.toContain(Buffer.from(key, 'base64url').toString('base64'));
    expect(read.prfOutput).not.toBeNull();
    expect(text).not.toContain(read.prfOutput);
    expect(text).not.toContain(row!.publicKey.toString('base64url'));
    expect(text).not.toContain(row!.sealedKey!.toString('base64'));
  });
});
