import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BackupDatabase } from '../src/db/backup-database.js';
import type { Authorize, AuthorizeExport } from '../src/router-options.js';
import type { RunningServer } from '../src/start-server.js';
import { describeOnEachBackend } from './support/backends.js';
import { captureLogs, postWebhook, startTestServer, uniqueId } from './support/test-server.js';

const SHARE = '{"format":"custodian share under test","SECP256K1":"0123abcd"}';

/** The app's session: "Bearer good:<userId>". */
const authorize: Authorize = (request) => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  return token.startsWith('good:') ? { userId: token.slice(5) } : null;
};

/** The stricter check: a fresh re-authentication header, and the client must be the user's. */
const clientsOfUsers = new Map<string, string>();
const authorizeExport: AuthorizeExport = (request, { userId, clientId }) =>
  request.headers.get('x-reauthenticated') === 'yes' && clientsOfUsers.get(userId) === clientId;

const newAddress = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

function askForExport(
  baseUrl: string,
  userId: string,
  body: unknown,
  { fresh = true, address = newAddress() }: { fresh?: boolean; address?: string } = {},
) {
  return fetch(`${baseUrl}/users/${encodeURIComponent(userId)}/custodian-backup-share/export`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer good:${userId}`,
      'X-Forwarded-For': address,
      ...(fresh ? { 'X-Reauthenticated': 'yes' } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function userWithStoredShare(server: RunningServer) {
  const userId = uniqueId('user');
  const clientId = uniqueId('client');
  clientsOfUsers.set(userId, clientId);
  const stored = await postWebhook(server.url, '/webhook/backup', { clientId, backupMethod: 'PASSWORD', share: SHARE });
  expect(stored.status).toBe(204);
  return { userId, clientId };
}

describeOnEachBackend('releasing a custodian backup share for export', (backend) => {
  let database: BackupDatabase;
  let withHook: RunningServer;
  let withoutHook: RunningServer;
  const logs = captureLogs();
  const limits = {
    windowSeconds: 3600,
    maxPerUser: 1000,
    maxExportsPerUser: 2,
    maxPerWebhookCaller: 1000,
    maxPerVaultCaller: 1000,
    maxFailedAuthPerAddress: 2,
    blockAddressAfterFailures: 1000,
  };

  beforeAll(async () => {
    database = await backend.open();
    const common = { authorize, mode: 'production' as const, rateLimit: limits, trustProxy: ['127.0.0.1', '::1'] };
    withHook = await startTestServer(database, { ...common, authorizeExport, logger: logs.logger });
    withoutHook = await startTestServer(database, common);
  });
  afterAll(async () => {
    await withHook?.stop();
    await withoutHook?.stop();
    await database?.close();
  });

  it('has no export route at all without an authorizeExport hook (404), even for the signed-in owner', async () => {
    const { userId, clientId } = await userWithStoredShare(withHook);
    const response = await askForExport(withoutHook.url, userId, { clientId, backupMethod: 'PASSWORD' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('0123abcd');
  });

  it('releases the share to the owner once authorizeExport agrees, with no-store and an audit line without the share', async () => {
    const { userId, clientId } = await userWithStoredShare(withHook);
    const linesBefore = logs.lines.length;
    const response = await askForExport(withHook.url, userId, { clientId, backupMethod: 'PASSWORD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ backupMethod: 'PASSWORD', share: SHARE });
    const newLines = logs.lines.slice(linesBefore);
    const audit = newLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit).toContainEqual(
      expect.objectContaining({ event: 'export-released', userId, clientId, backupMethod: 'PASSWORD' }),
    );
    expect(newLines.join('\n')).not.toContain('0123abcd');
  });

  it('refuses with 403 a caller without a fresh re-authentication, or asking for a client that is not theirs', async () => {
    const { userId, clientId } = await userWithStoredShare(withHook);
    const other = await userWithStoredShare(withHook);
    const stale = await askForExport(withHook.url, userId, { clientId, backupMethod: 'PASSWORD' }, { fresh: false });
    expect(stale.status).toBe(403);
    const someoneElses = await askForExport(withHook.url, userId, {
      clientId: other.clientId,
      backupMethod: 'PASSWORD',
    });
    expect(someoneElses.status).toBe(403);
    expect(await someoneElses.text()).not.toContain('0123abcd');
  });

  it('refuses a caller the ordinary authorize hook does not know (401) before authorizeExport runs', async () => {
    const { userId, clientId } = await userWithStoredShare(withHook);
    const response = await fetch(`${withHook.url}/users/${userId}/custodian-backup-share/export`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reauthenticated': 'yes', 'X-Forwarded-For': newAddress() },
      body: JSON.stringify({ clientId, backupMethod: 'PASSWORD' }),
    });
    expect(response.status).toBe(401);
  });

  it('counts refusals in the failure bucket of the address (429 past it) and limits releases per user', async () => {
    const { userId, clientId } = await userWithStoredShare(withHook);
    const address = newAddress();
    const refusals: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      refusals.push(
        (await askForExport(withHook.url, userId, { clientId, backupMethod: 'PASSWORD' }, { fresh: false, address }))
          .status,
      );
    }
    expect(refusals).toEqual([403, 403, 429]);

    const releases: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      releases.push((await askForExport(withHook.url, userId, { clientId, backupMethod: 'PASSWORD' })).status);
    }
    expect(releases).toEqual([200, 200, 429]);
  });

  it('answers 404 when no custodian share is stored for that method, and 400 for a malformed body', async () => {
    const { userId, clientId } = await userWithStoredShare(withHook);
    const missing = await askForExport(withHook.url, userId, { clientId, backupMethod: 'GDRIVE' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'no_custodian_share' });
    expect((await askForExport(withHook.url, userId, { backupMethod: 'PASSWORD' })).status).toBe(400);
  });
});
