import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BackupDatabase,
  type BackupPipeline,
  createBackupPipeline,
  loadLocalKeyFileProvider,
  openBackupDatabase,
} from '@backup-kit/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, messages } from '../support/emulator.js';
import { waitForState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

/**
 * Issue 12's "done when": a wallet made, backed up, verified and marked by the server-side
 * pipeline is backed up in the browser (the playground's BackupStatus, real SDK over the
 * emulator), and the browser's RecoverWallet brings back the same address from the shares the
 * pipeline stored.
 */
describe('a wallet backed up by the server-side pipeline, in the browser', () => {
  const stack = useStack();
  let database: BackupDatabase;
  let pipeline: BackupPipeline;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'backup-kit-pipeline-browser-'));
    database = await openBackupDatabase();
    pipeline = createBackupPipeline({
      keyProvider: await loadLocalKeyFileProvider(join(dir, 'keys.json')),
      store: database,
      mpcBaseUrl: stack.emulator.url,
      apiBaseUrl: stack.emulator.url,
    });
  });
  afterAll(async () => {
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * The app's backend, for the page's signed-in user: its own authenticated route answers the
   * kit's storage read for UNKNOWN with `pipeline.recoveryCipherText`. Here a route in the page
   * stands in for it (the playground's server knows nothing of the pipeline's database).
   */
  const serveRecoveryFrom = (userId: string) => async (page: Page) => {
    const reads: string[] = [];
    await page.route(
      (url) =>
        url.pathname === `/users/${userId}/user-backup-share` && url.searchParams.get('backupMethod') === 'UNKNOWN',
      async (route) => {
        if (route.request().method() !== 'GET') return route.fallback();
        const cipherText = await pipeline.recoveryCipherText({ userId });
        reads.push(cipherText === null ? 'none' : 'cipherText');
        const headers = { 'access-control-allow-origin': stack.origin, 'cache-control': 'no-store' };
        if (cipherText === null) return route.fulfill({ status: 404, headers, json: { title: 'not found' } });
        return route.fulfill({ status: 200, headers, json: { backupMethod: 'UNKNOWN', cipherText } });
      },
    );
    return reads;
  };

  it('shows it backed up, and recovers the same address from the stored shares', async () => {
    const userId = `pipeline-${randomUUID().slice(0, 8)}`;
    // The playground's Portal apiKey for this user (apps/playground/src/user.ts).
    const apiKey = `playground-${userId}`;
    const result = await pipeline.run({ userId, clientApiKey: apiKey });
    expect(result.generated).toBeDefined();
    const wallet = client(stack.emulator, apiKey);
    const address = wallet.addresses.eip155;
    expect(
      wallet.wallets
        .flatMap((each) => each.backupSharePairs)
        .filter((pair) => pair.status === 'completed')
        .map((pair) => pair.id)
        .sort(),
    ).toEqual([...result.backupSharePairIds].sort());

    let reads: string[] = [];
    const app = await stack.open({
      query: { user: userId },
      setUp: async (page) => void (reads = await serveRecoveryFrom(userId)(page)),
    });
    expect(app.userId).toBe(userId);
    // The wallet exists at Portal, not on this device: the page offers recovery.
    await app.walletState(['lost']);
    expect(await app.address()).toBe(address);
    // Portal counts the pipeline's marked pairs as completed: the kit's BackupStatus reads a
    // backup ("empty" otherwise). It lists the playground's methods, which UNKNOWN is not one of.
    const status = app.status.locator('[data-scope="backup-status"][data-part="root"]');
    expect(await waitForState(status, ['ready', 'empty', 'error'])).toBe('ready');
    // Its summary names the backup Portal counts, though the list leaves UNKNOWN out.
    expect(await status.textContent()).toContain('Backed up with Unknown method.');
    // RecoverWallet lists what Portal counts, UNKNOWN included, and reads it through the app.
    expect(await app.recoverWith(/Unknown method/)).toBe('success');
    expect(await app.address()).toBe(address);
    // Every read the page made for UNKNOWN (the status's cross-check, the gate, the recovery) got the shares.
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((read) => read !== 'cipherText')).toEqual([]);
    // The browser's recovery ran through the iframe with the pipeline's pair ids.
    expect(messages(stack.emulator, apiKey, 'portal:wasm:recover').length).toBeGreaterThan(0);
  });
});
