/**
 * Load benchmark: user-share writes, user-share reads (without and with the Postgres-backed
 * rate limiter) and custodian-share writes (envelope encryption) at a fixed concurrency, on
 * PGlite and on a throwaway Postgres, loopback only, about BENCH_SECONDS (default 10) per
 * scenario. Then proves that no acknowledged write was lost by reading every acknowledged id
 * back from the database. Client and server share this process (and the machine's cores).
 *
 *   pnpm --filter @backup-kit/server bench      (BENCH_SECONDS=3 BENCH_CONNECTIONS=8 to shorten)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { like } from 'drizzle-orm';
import { loadLocalKeyFileProvider } from '../src/crypto/local-key-file-provider.js';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { openBackupDatabase } from '../src/db/open-backup-database.js';
import { custodianBackupShares, userBackupShares } from '../src/db/schema.js';
import { silentLogger } from '../src/log/logger.js';
import { startServer } from '../src/start-server.js';
import { startThrowawayPostgres } from '../test/support/throwaway-postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WEBHOOK_SECRET = 'bench-webhook-secret-0123456789abcdef';
// About the size of a real Portal cipherText / custodian share.
const PAYLOAD = 'x'.repeat(2048);

interface Row {
  database: string;
  scenario: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  lost: number | '-';
}

async function runScenario(
  url: string,
  scenario: 'write' | 'read' | 'custodian write',
  readableUsers: string[],
  prefix: string,
) {
  const acknowledged: string[] = [];
  let counter = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request, context: { id?: string }) => {
          counter += 1;
          if (scenario === 'read') {
            const userId = readableUsers[counter % readableUsers.length]!;
            context.id = userId;
            return {
              ...request,
              method: 'GET',
              path: `/users/${userId}/user-backup-share?backupMethod=PASSWORD`,
              headers: { 'x-backup-kit-user': userId },
            };
          }
          const id = `${prefix}-${counter}`;
          context.id = id;
          if (scenario === 'write') {
            return {
              ...request,
              method: 'POST',
              path: `/users/${id}/user-backup-share`,
              headers: { 'content-type': 'application/json', 'x-backup-kit-user': id },
              body: JSON.stringify({ backupMethod: 'PASSWORD', cipherText: PAYLOAD }),
            };
          }
          return {
            ...request,
            method: 'POST',
            path: '/webhook/backup',
            headers: { 'content-type': 'application/json', 'x-webhook-secret': WEBHOOK_SECRET },
            body: JSON.stringify({ backupMethod: 'PASSWORD', clientId: id, share: PAYLOAD }),
          };
        },
        onResponse: (status, _body, context: { id?: string }) => {
          if (status < 300 && context.id) acknowledged.push(context.id);
        },
      },
    ],
  });
  return { result, acknowledged };
}

/** Ids acknowledged with 2xx that the database does not hold. */
async function lostWrites(
  database: BackupDatabase,
  table: 'user' | 'custodian',
  prefix: string,
  acknowledged: string[],
) {
  const db = drizzleOf(database);
  const stored =
    table === 'user'
      ? (
          await db
            .select({ id: userBackupShares.userId })
            .from(userBackupShares)
            .where(like(userBackupShares.userId, `${prefix}-%`))
        ).map((r) => r.id)
      : (
          await db
            .select({ id: custodianBackupShares.clientId })
            .from(custodianBackupShares)
            .where(like(custodianBackupShares.clientId, `${prefix}-%`))
        ).map((r) => r.id);
  const present = new Set(stored);
  return acknowledged.filter((id) => !present.has(id)).length;
}

/**
 * Two instances, each with its own pool, on one Postgres, reads spread over both with a per-user
 * limit low enough to be reached: the 2xx answers across both must stay within what the shared
 * limit allows (users × maxPerUser in the window).
 */
async function benchTwoInstances(
  name: string,
  databases: [BackupDatabase, BackupDatabase],
  keyFile: string,
  readableUsers: string[],
): Promise<{ row: Row; allowed: number; ok: number }> {
  const keyProvider = await loadLocalKeyFileProvider(keyFile);
  // An hour-long window, so a run never straddles two windows.
  const rateLimit = { windowSeconds: 3600, maxPerUser: 20 };
  const users = readableUsers.slice(0, 10);
  const prefix = `two-${Date.now()}`;
  const instances = await Promise.all(
    databases.map((database) =>
      startServer({
        database,
        webhookSecret: WEBHOOK_SECRET,
        keyProvider,
        logger: silentLogger,
        rateLimit,
        mode: 'development',
      }),
    ),
  );
  try {
    const halves = await Promise.all(
      instances.map((instance) =>
        autocannon({
          url: instance.url,
          connections: Math.max(1, CONNECTIONS / 2),
          duration: SECONDS,
          requests: [
            {
              setupRequest: (request) => {
                const userId = users[Math.floor(Math.random() * users.length)]!;
                return {
                  ...request,
                  method: 'GET',
                  path: `/users/${userId}/user-backup-share?backupMethod=PASSWORD`,
                  headers: { 'x-backup-kit-user': userId, 'x-bench-run': prefix },
                };
              },
            },
          ],
        }),
      ),
    );
    const [a, b] = halves as [autocannon.Result, autocannon.Result];
    const ok = a['2xx'] + b['2xx'];
    const limited = a.non2xx + b.non2xx;
    const allowed = users.length * rateLimit.maxPerUser;
    return {
      ok,
      allowed,
      row: {
        database: name,
        scenario: `2 instances, shared limit (${ok} ok, ${limited} 429)`,
        requests: ok + limited,
        perSecond: Math.round(a.requests.average + b.requests.average),
        p50: Math.max(a.latency.p50, b.latency.p50),
        p99: Math.max(a.latency.p99, b.latency.p99),
        failed: a.errors + b.errors + a.timeouts + b.timeouts,
        lost: '-',
      },
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

let usersForTwoInstances: string[] = [];

async function benchDatabase(name: string, database: BackupDatabase, keyFile: string): Promise<Row[]> {
  const keyProvider = await loadLocalKeyFileProvider(keyFile);
  const serve = (rateLimit: false | { maxPerUser: number }) =>
    startServer({
      database,
      webhookSecret: WEBHOOK_SECRET,
      keyProvider,
      logger: silentLogger,
      rateLimit,
      mode: 'development',
    });
  const server = await serve(false);
  // Same routes with the Postgres-backed rate limiter counting (a limit never reached).
  const limitedServer = await serve({ maxPerUser: 1_000_000_000 });
  const rows: Row[] = [];
  const row = (scenario: string, result: autocannon.Result, lost: number | '-'): Row => ({
    database: name,
    scenario,
    requests: result['2xx'] + result.non2xx,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    lost,
  });
  try {
    const writes = await runScenario(server.url, 'write', [], 'bench-user');
    usersForTwoInstances = writes.acknowledged;
    rows.push(
      row('user share write', writes.result, await lostWrites(database, 'user', 'bench-user', writes.acknowledged)),
    );

    const reads = await runScenario(server.url, 'read', writes.acknowledged, 'bench-user');
    rows.push(row('user share read', reads.result, '-'));

    const limitedReads = await runScenario(limitedServer.url, 'read', writes.acknowledged, 'bench-user');
    rows.push(row('user share read, rate limited', limitedReads.result, '-'));

    const custodian = await runScenario(server.url, 'custodian write', [], 'bench-client');
    rows.push(
      row(
        'custodian write (sealed)',
        custodian.result,
        await lostWrites(database, 'custodian', 'bench-client', custodian.acknowledged),
      ),
    );
  } finally {
    await server.stop();
    await limitedServer.stop();
  }
  return rows;
}

function printTable(rows: Row[]) {
  const header = ['database', 'scenario', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'acked but lost'];
  const cells = rows.map((r) =>
    [r.database, r.scenario, r.requests, r.perSecond, r.p50, r.p99, r.failed, r.lost].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

const work = await mkdtemp(join(tmpdir(), 'backup-kit-bench-'));
const rows: Row[] = [];
let limitHeld = true;
let limitNote = '';
try {
  console.log(
    `${SECONDS} s per scenario, ${CONNECTIONS} connections, ${PAYLOAD.length}-byte payloads, loopback only\n`,
  );
  const pglite = await openBackupDatabase({ dataDir: join(work, 'pglite') });
  try {
    rows.push(...(await benchDatabase('PGlite (data dir)', pglite, join(work, 'keys.json'))));
  } finally {
    await pglite.close();
  }

  let postgres;
  try {
    postgres = await startThrowawayPostgres();
  } catch (error) {
    console.warn(`Postgres could not be started, skipping it: ${(error as Error).message.split('\n')[0]}`);
  }
  if (postgres) {
    try {
      const database = await openBackupDatabase({ databaseUrl: postgres.url, logger: silentLogger });
      const second = await openBackupDatabase({ databaseUrl: postgres.url, logger: silentLogger });
      try {
        rows.push(...(await benchDatabase('Postgres 15', database, join(work, 'keys.json'))));
        const two = await benchTwoInstances(
          'Postgres 15',
          [database, second],
          join(work, 'keys.json'),
          usersForTwoInstances,
        );
        rows.push(two.row);
        // Meaningful only when the instances got more than two separate limits would let through.
        const reached = two.row.requests > 2 * two.allowed;
        limitHeld = two.ok <= two.allowed;
        limitNote =
          `2 instances on one Postgres: ${two.row.requests} reads, ${two.ok} answered 2xx; the shared limit ` +
          `allows ${two.allowed} (10 users x 20), a limit per instance would have allowed ${2 * two.allowed}: ` +
          `${limitHeld ? 'held' : 'NOT HELD'}${reached ? '' : ' (too few requests to tell)'}.`;
      } finally {
        await database.close();
        await second.close();
      }
    } finally {
      await postgres.stop();
    }
  }
  printTable(rows);
  const lost = rows.reduce((sum, r) => sum + (r.lost === '-' ? 0 : r.lost), 0);
  console.log(
    lost === 0
      ? '\nEvery acknowledged write was read back from the database.'
      : `\n${lost} ACKNOWLEDGED WRITES MISSING`,
  );
  if (limitNote) console.log(limitNote);
  process.exitCode = lost === 0 && limitHeld ? 0 : 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
