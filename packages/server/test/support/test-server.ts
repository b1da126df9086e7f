import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { BackupDatabase } from '../../src/db/backup-database.js';
import type { Backend } from './backends.js';
import { createJsonLogger, silentLogger } from '../../src/log/logger.js';
import { type RunningServer, type StartServerOptions, startServer } from '../../src/start-server.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0f1e2d3c4b5a';

/** A new folder under the run's temp root (removed by the global teardown). */
export const tempDir = () => mkdtemp(join(inject('tempRoot'), 'case-'));

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID()}`;

/** A logger that keeps every JSON line it is given. */
export function captureLogs() {
  const lines: string[] = [];
  return { lines, logger: createJsonLogger((line) => lines.push(line)) };
}

/**
 * A server on a free loopback port over `database`, with a fresh local key file and limits
 * high enough that only the rate-limit tests meet them.
 */
export async function startTestServer(
  database: BackupDatabase,
  overrides: Partial<StartServerOptions> = {},
): Promise<RunningServer> {
  return startServer({
    database,
    webhookSecret: WEBHOOK_SECRET,
    keyFile: join(await tempDir(), 'keys.json'),
    logger: silentLogger,
    rateLimit: {
      maxPerUser: 10_000,
      maxPerWebhookCaller: 100_000,
      maxPerVaultCaller: 100_000,
      maxFailedAuthPerAddress: 100_000,
      blockAddressAfterFailures: 100_000,
    },
    mode: 'development',
    ...overrides,
  });
}

export function putUserShare(baseUrl: string, userId: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/users/${encodeURIComponent(userId)}/user-backup-share`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Backup-Kit-User': userId, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function getUserShare(
  baseUrl: string,
  userId: string,
  backupMethod: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl}/users/${encodeURIComponent(userId)}/user-backup-share?backupMethod=${backupMethod}`, {
    headers: { 'X-Backup-Kit-User': userId, ...headers },
  });
}

export function postWebhook(
  baseUrl: string,
  path: '/webhook/backup' | '/webhook/backup/fetch',
  body: unknown,
  secret: string | null = WEBHOOK_SECRET,
) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(secret === null ? {} : { 'X-Webhook-Secret': secret }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Opens `backend`'s database and a test server over it for the enclosing describe block, and
 * closes both after it. Read `database` and `server` inside tests, not at collection time.
 */
export function serveDuringSuite(backend: Backend): {
  readonly database: BackupDatabase;
  readonly server: RunningServer;
} {
  const suite = {} as { database: BackupDatabase; server: RunningServer };
  beforeAll(async () => {
    suite.database = await backend.open();
    suite.server = await startTestServer(suite.database);
  });
  afterAll(async () => {
    await suite.server?.stop();
    await suite.database?.close();
  });
  return suite;
}
