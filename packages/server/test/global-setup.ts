import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './support/throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the Postgres the suite runs against, or null when it could not start. */
    postgresUrl: string | null;
    /** A folder for key files and PGlite data dirs, removed after the run. */
    tempRoot: string;
  }
}

/**
 * Starts one throwaway Postgres for the whole run (each test file makes its own database in
 * it), or uses BACKUP_KIT_TEST_DATABASE_URL. Without Postgres the Postgres half is skipped
 * locally and fails in CI.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'backup-kit-server-test-'));
  project.provide('tempRoot', tempRoot);
  const removeTempRoot = () => rm(tempRoot, { recursive: true, force: true });

  const given = process.env.BACKUP_KIT_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return removeTempRoot;
  }
  try {
    const postgres = await startThrowawayPostgres();
    project.provide('postgresUrl', postgres.url);
    return async () => {
      await postgres.stop();
      await removeTempRoot();
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') {
      throw new Error(`server tests: could not start Postgres (CI=true, so this fails the run): ${reason}`);
    }
    console.warn(
      `\n${'!'.repeat(78)}\n! server tests: Postgres could not be started, so every Postgres test is SKIPPED.\n` +
        `! Reason: ${reason.split('\n')[0]}\n! Run scripts/postgres.sh install, or set BACKUP_KIT_TEST_DATABASE_URL.\n${'!'.repeat(78)}\n`,
    );
    project.provide('postgresUrl', null);
    return removeTempRoot;
  }
}
