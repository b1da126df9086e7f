import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackupRouter } from '../src/create-backup-router.js';
import { createVaultRouter } from '../src/create-vault-router.js';
import { loadLocalKeyFileProvider } from '../src/crypto/local-key-file-provider.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { vaultCeremonies } from '../src/db/schema.js';
import { silentLogger } from '../src/log/logger.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend, pgliteBackend } from './support/backends.js';
import { WEBHOOK_SECRET, startTestServer, tempDir } from './support/test-server.js';
import { expireCeremony, randomVaultKey, vaultPost } from './support/vault.js';

const PAGE = 'http://localhost:5173';
const VAULT = { relyingParties: ['localhost'], allowedOrigins: [PAGE] };

/** Well-formed, never verified: enough to reach the ceremony lookup. */
const fakeAttestation = (extensions: Record<string, unknown> = {}) => ({
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'AAAA' },
  clientExtensionResults: extensions,
});
const fakeAssertion = (extensions: Record<string, unknown> = {}) => ({
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: extensions,
});

describeOnEachBackend('passkey vault routes', (backend) => {
  let database: BackupDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await backend.open();
    server = await startTestServer(database, { vault: VAULT });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it('answers registration options for a discoverable, user-verified passkey under a random user handle', async () => {
    const first = await fetch(`${server.url}/vault/registration/options`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rpId: 'localhost', rpName: 'Wallet', userName: 'alice backup' }),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { ceremonyId, options } = await first.json();
    expect(ceremonyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'Wallet' },
      user: { name: 'alice backup' },
      attestation: 'none',
      timeout: 300_000,
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const second = (await vaultPost(server.url, 'registration/options', { rpId: 'localhost', rpName: 'Wallet' })).body;
    const secondOptions = second.options as { user: { id: string; name: string }; challenge: string };
    expect(secondOptions.user.id).not.toBe(options.user.id);
    expect(secondOptions.challenge).not.toBe(options.challenge);
    expect(secondOptions.user.name).toBe('Wallet backup');

    const [row] = await drizzleOf(database).select().from(vaultCeremonies).where(eq(vaultCeremonies.id, ceremonyId));
    expect(row).toMatchObject({ kind: 'registration', rpId: 'localhost', challenge: options.challenge, usedAt: null });
    expect(row?.userHandle).toBe(options.user.id);
    const ttl = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(ttl).toBeGreaterThan(299_000);
    expect(ttl).toBeLessThan(301_000);
  });

  it('answers authentication options for any discoverable passkey, or only the one asked for', async () => {
    const { status, body } = await vaultPost(server.url, 'authentication/options', { rpId: 'localhost' });
    expect(status).toBe(200);
    expect(body.options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [] });

    const unknown = await vaultPost(server.url, 'authentication/options', { rpId: 'localhost', credentialId: 'AAAA' });
    expect(unknown).toMatchObject({ status: 404, body: { error: 'not_found', field: 'credentialId' } });
  });

  it('answers 400 to a verify for a ceremony it does not know, and 409 to one already used', async () => {
    const unknown = await vaultPost(server.url, 'authentication/verify', {
      ceremonyId: crypto.randomUUID(),
      response: fakeAssertion(),
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'ceremony_expired', field: 'ceremonyId' } });

    const { body } = await vaultPost(server.url, 'authentication/options', { rpId: 'localhost' });
    const attempt = { ceremonyId: body.ceremonyId, response: fakeAssertion() };
    // The first attempt uses the ceremony up, even though its response is no good.
    expect((await vaultPost(server.url, 'authentication/verify', attempt)).status).toBe(404);
    expect(await vaultPost(server.url, 'authentication/verify', attempt)).toMatchObject({
      status: 409,
      body: { error: 'ceremony_used' },
    });
  });

  it('prunes expired ceremonies when the next one opens', async () => {
    const { body } = await vaultPost(server.url, 'authentication/options', { rpId: 'localhost' });
    const ceremonyId = body.ceremonyId as string;
    await expireCeremony(database, ceremonyId);
    const rows = () => drizzleOf(database).select().from(vaultCeremonies).where(eq(vaultCeremonies.id, ceremonyId));
    expect(await rows()).toHaveLength(1);
    await vaultPost(server.url, 'authentication/options', { rpId: 'localhost' });
    expect(await rows()).toHaveLength(0);
  });

  const key = randomVaultKey();
  const id = () => crypto.randomUUID();
  const verifyWith = (extra: Record<string, unknown>) => ({ ceremonyId: id(), response: fakeAssertion(), ...extra });
  it.each([
    ['registration/options', 'no rpId', {}, 'rpId'],
    ['registration/options', 'no rpName', { rpId: 'localhost' }, 'rpName'],
    ['registration/options', 'an RP ID it does not serve', { rpId: 'example.com', rpName: 'W' }, 'rpId'],
    [
      'registration/options',
      'a 65-character userName',
      { rpId: 'localhost', rpName: 'W', userName: 'x'.repeat(65) },
      'userName',
    ],
    ['registration/verify', 'no ceremonyId', { response: fakeAttestation() }, 'ceremonyId'],
    [
      'registration/verify',
      'a ceremonyId that is no UUID',
      { ceremonyId: 'ceremony-1', response: fakeAttestation() },
      'ceremonyId',
    ],
    ['registration/verify', 'no response', { ceremonyId: id() }, 'response'],
    [
      'registration/verify',
      'a response of another type',
      { ceremonyId: id(), response: { ...fakeAttestation(), type: 'x' } },
      'response.type',
    ],
    [
      'registration/verify',
      'an assertion',
      { ceremonyId: id(), response: fakeAssertion() },
      'response.response.attestationObject',
    ],
    [
      'registration/verify',
      'prf that is no boolean',
      { ceremonyId: id(), response: fakeAttestation(), prf: 'yes' },
      'prf',
    ],
    [
      'registration/verify',
      'prf: true while the response says PRF is off',
      { ceremonyId: id(), response: fakeAttestation({ prf: { enabled: false } }), prf: true },
      'prf',
    ],
    [
      'registration/verify',
      'a PRF output',
      { ceremonyId: id(), response: fakeAttestation({ prf: { enabled: true, results: { first: 'AAAA' } } }) },
      'response.clientExtensionResults.prf.results',
    ],
    [
      'authentication/options',
      'a credentialId that is no base64url',
      { rpId: 'localhost', credentialId: 'not base64url!' },
      'credentialId',
    ],
    [
      'authentication/verify',
      'a response id that is no base64url',
      { ceremonyId: id(), response: { ...fakeAssertion(), id: 'a+b/' } },
      'response.id',
    ],
    [
      'authentication/verify',
      'a PRF output',
      { ceremonyId: id(), response: fakeAssertion({ prf: { enabled: true, results: { first: 'AAAA' } } }) },
      'response.clientExtensionResults.prf.results',
    ],
    [
      'authentication/verify',
      'a PRF output JSON turned into {}',
      { ceremonyId: id(), response: fakeAssertion({ prf: { results: {} } }) },
      'response.clientExtensionResults.prf.results',
    ],
    ['authentication/verify', 'a short key', verifyWith({ write: { key: 'short' } }), 'write.key'],
    ['authentication/verify', 'a padded key', verifyWith({ write: { key: `${key}=` } }), 'write.key'],
    // 43 characters whose last one carries bits past 256: not the one spelling of a key.
    [
      'authentication/verify',
      'a key with stray bits',
      verifyWith({ write: { key: `${key.slice(0, 42)}B` } }),
      'write.key',
    ],
    ['authentication/verify', 'an empty write', verifyWith({ write: {} }), 'write'],
    ['authentication/verify', 'a write of both key and prf', verifyWith({ write: { key, prf: true } }), 'write'],
    ['authentication/verify', 'a write of prf: false', verifyWith({ write: { prf: false } }), 'write.prf'],
  ])('POST /vault/%s with %s answers 400 naming the field', async (path, _label, body, field) => {
    const answer = await vaultPost(server.url, path, body);
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_request', field } });
    expect(JSON.stringify(answer.body)).not.toContain('short');
    expect(JSON.stringify(answer.body)).not.toContain(key.slice(0, 42));
  });

  it('refuses a body that is not JSON, not labelled JSON, or too large', async () => {
    const post = (body: string, contentType: string) =>
      fetch(`${server.url}/vault/registration/options`, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body,
      });
    expect((await post('{"rpId":', 'application/json')).status).toBe(400);
    expect((await post(JSON.stringify({ rpId: 'localhost', rpName: 'W' }), 'text/plain')).status).toBe(415);
    const huge = JSON.stringify({ rpId: 'localhost', rpName: 'W', padding: 'x'.repeat(70_000) });
    const tooLarge = await post(huge, 'application/json');
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 429 with Retry-After once an address has used up its window, and not before', async () => {
    // A second instance on the same database, with a tight limit and an hour-long window.
    const limited = await startTestServer(database, {
      vault: VAULT,
      rateLimit: { windowSeconds: 3600, maxPerVaultCaller: 3, maxPerUser: 1000, maxPerWebhookCaller: 1000 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await vaultPost(limited.url, 'authentication/options', { rpId: 'localhost' })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await fetch(`${limited.url}/vault/registration/verify`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.stop();
    }
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/vault/authentication/verify`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });

    it('lets the allowed page origins call the vault, error answers included', async () => {
      const response = await preflight(PAGE);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      const refused = await fetch(`${server.url}/vault/registration/options`, {
        method: 'POST',
        headers: { Origin: PAGE, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE);
    });

    it.each(['http://localhost:5174', 'https://evil.example'])('gives %s no grant', async (origin) => {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('passkey vault configuration and mounting', () => {
  let database: BackupDatabase;
  beforeAll(async () => {
    database = await pgliteBackend().open();
  });
  afterAll(async () => {
    await database?.close();
  });

  const vaultWith = (relyingParties: string[], allowedOrigins: string[], challengeTtlMs?: number) => () =>
    createVaultRouter({ db: database, relyingParties, allowedOrigins, logger: silentLogger, challengeTtlMs });

  it.each([
    [[], [PAGE], /at least one RP ID/],
    [['https://wallet.example'], ['https://wallet.example'], /domain name/],
    [['127.0.0.1'], ['http://localhost:5173'], /domain name/],
    [['Wallet.Example'], ['https://wallet.example'], /domain name/],
    [['wallet.example'], ['https://wallet.example/app'], /bare origin/],
    [['wallet.example'], ['http://wallet.example'], /https/],
    [['wallet.example'], ['https://other.example'], /no allowed origin/],
    [['wallet.example'], ['https://wallet.example', 'https://other.example'], /none of the relying parties/],
    [['wallet.example'], ['wallet.example'], /not a URL/],
  ])('refuses relyingParties %j with allowedOrigins %j', (relyingParties, allowedOrigins, message) => {
    expect(vaultWith(relyingParties, allowedOrigins)).toThrow(message);
  });

  it('accepts origins on the RP ID or below it, and refuses a ceremony lifetime out of range', () => {
    expect(vaultWith(['wallet.example'], ['https://wallet.example', 'https://app.wallet.example:8443'])).not.toThrow();
    expect(vaultWith(['localhost'], [PAGE], 999)).toThrow(/challengeTtlMs/);
    expect(vaultWith(['localhost'], [PAGE], 60_000)).not.toThrow();
  });

  it('serves the vault on its own as a node:http listener', async () => {
    const router = createVaultRouter({
      db: database,
      keyProvider: await loadLocalKeyFileProvider(join(await tempDir(), 'keys.json')),
      logger: silentLogger,
      challengeTtlMs: 60_000,
      ...VAULT,
    });
    const server = createServer(router.requestListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { status, body } = await vaultPost(url, 'registration/options', { rpId: 'localhost', rpName: 'W' });
      expect(status).toBe(200);
      expect(body.options).toMatchObject({ timeout: 60_000 });
      expect((await fetch(`${url}/users/alice/user-backup-share`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('mounts beside the backup routes only when asked to', async () => {
    const request = () =>
      new Request('http://localhost/vault/authentication/options', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rpId: 'localhost' }),
      });
    const common = { db: database, webhookSecret: WEBHOOK_SECRET, logger: silentLogger, mode: 'development' as const };
    expect((await createBackupRouter(common).fetch(request())).status).toBe(404);
    expect((await createBackupRouter({ ...common, vault: VAULT }).fetch(request())).status).toBe(200);
  });
});
