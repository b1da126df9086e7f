import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { BackupDatabase } from '../../src/db/backup-database.js';
import { openBackupDatabase } from '../../src/db/open-backup-database.js';
import { silentLogger } from '../../src/log/logger.js';

export interface Backend {
  name: 'PGlite' | 'Postgres';
  /** False when Postgres could not be started locally (the global setup said why). */
  available: boolean;
  /** A new, migrated, empty database. */
  open(): Promise<BackupDatabase>;
  /** Opens another handle on the last database `open` made (a second instance, a restart). */
  reopen?(): Promise<BackupDatabase>;
}

const postgresUrl = inject('postgresUrl');

/** A new database in the shared test cluster, so test files never see each other's rows. */
export async function createPostgresDatabase(): Promise<string> {
  if (!postgresUrl) throw new Error('no Postgres for this run');
  const name = `backup_kit_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function pgliteBackend(): Backend {
  return { name: 'PGlite', available: true, open: () => openBackupDatabase({ dataDir: 'memory://' }) };
}

export function postgresBackend(): Backend & { url(): string } {
  let lastUrl: string | undefined;
  const url = () => {
    if (!lastUrl) throw new Error('open() first');
    return lastUrl;
  };
  return {
    name: 'Postgres',
    available: postgresUrl !== null,
    async open() {
      lastUrl = await createPostgresDatabase();
      return openBackupDatabase({ databaseUrl: lastUrl, logger: silentLogger });
    },
    reopen: () => openBackupDatabase({ databaseUrl: url(), logger: silentLogger }),
    url,
  };
}

/** The two databases every route test runs against. */
export const backends = (): Backend[] => [pgliteBackend(), postgresBackend()];

/** Declares the same suite once per database; the Postgres one is skipped when it is missing. */
export function describeOnEachBackend(title: string, body: (backend: Backend) => void): void {
  for (const backend of backends()) {
    describe.skipIf(!backend.available)(`${title} [${backend.name}]`, () => body(backend));
  }
}
