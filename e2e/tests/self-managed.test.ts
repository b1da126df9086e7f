// Issue 5: self-managed backups. The emulator posts the custodian share to the server's webhook;
// the playground stores the encrypted client share in the server; Portal hears the verdict.
import type { Request, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { backupsRun, client, completedMethods, messages, storedVerdicts } from '../support/emulator.js';
import type { Playground } from '../support/playground.js';
import { waitForNewState, waitForState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'self-managed backup password';
const SHARE_ROUTE = '**/users/*/user-backup-share';

/** The cipherTexts the page POSTed to the server, in order (kept in the test only). */
function recordUploads(app: Playground): string[] {
  const uploads: string[] = [];
  app.page.on('request', (request: Request) => {
    if (request.method() === 'POST' && request.url().includes('/user-backup-share')) {
      uploads.push((request.postDataJSON() as { cipherText: string }).cipherText);
    }
  });
  return uploads;
}

describe('self-managed backups', () => {
  test('the encrypted share is stored in the server before Portal is told true', async () => {
    const app = await stack.open();
    const uploads = recordUploads(app);
    await app.createWallet();

    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');

    const row = await stack.server.userShare(app.userId, 'PASSWORD');
    expect(row.status).toBe(200);
    expect(uploads).toHaveLength(1);
    expect(row.cipherText).toBe(uploads[0]);
    // The custodian half went to the server's webhook, not to the emulator.
    expect(stack.emulator.control.state().custodian).toBe('webhook');
    expect(await stack.server.hasCustodianShare(client(stack.emulator, app.apiKey).id, 'PASSWORD')).toBe(true);
    // Portal heard true once, after the row was written.
    const [verdict, ...others] = messages(stack.emulator, app.apiKey, 'portal:storedClientBackupShare');
    expect(others).toEqual([]);
    expect(verdict?.details).toEqual({ success: true, backupMethod: 'PASSWORD' });
    expect(Date.parse(verdict!.at)).toBeGreaterThanOrEqual(Date.parse(row.updatedAt!));
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);
  });

  test('with the server down Portal hears false; after a restart the retry stores the same cipherText without a new MPC backup', async () => {
    const app = await stack.open();
    const uploads = recordUploads(app);
    await app.createWallet();

    // The custodian webhook has run by the time the page uploads its share: stop the server then.
    await app.page.route(SHARE_ROUTE, async (route: Route) => {
      if (route.request().method() === 'POST') await stack.server.stop();
      await route.continue();
    });
    expect(await app.backUpWithPassword(PASSWORD)).toBe('error');
    await app.page.unroute(SHARE_ROUTE);

    const form = app.passwordBackup;
    await expect(form.getAttribute('data-stage')).resolves.toBe('storing');
    await expect(form.innerText()).resolves.toContain('The backup could not be saved. Nothing was lost');
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: false, backupMethod: 'PASSWORD' }]);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual([]);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(1);

    await stack.server.start(); // same port, same PGlite folder
    expect((await stack.server.userShare(app.userId, 'PASSWORD')).status).toBe(404);

    await form.getByRole('button', { name: 'Try again' }).click();
    expect(await waitForNewState(form, 'error', ['success', 'error'])).toBe('success');

    expect(uploads).toHaveLength(2);
    expect(uploads[1]).toBe(uploads[0]);
    const row = await stack.server.userShare(app.userId, 'PASSWORD');
    expect(row.cipherText).toBe(uploads[0]);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(1);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([
      { success: false, backupMethod: 'PASSWORD' },
      { success: true, backupMethod: 'PASSWORD' },
    ]);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);

    // And the share that survived the restart recovers the wallet.
    const address = await app.address();
    await app.loseDevice();
    expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
    expect(await app.address()).toBe(address);
  });

  test('a Google Drive backup from the backup button is stored in the server and recovers the wallet', async () => {
    const app = await stack.open();
    const address = await app.createWallet();
    const panel = await app.openMethod('gdrive');
    const button = panel.locator('[data-scope="backup-button"][data-part="root"]');
    await button.getByRole('button', { name: /Google Drive/ }).click();
    expect(await waitForState(button, ['success', 'error'])).toBe('success');

    expect((await stack.server.userShare(app.userId, 'GDRIVE')).status).toBe(200);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: true, backupMethod: 'GDRIVE' }]);
    expect(client(stack.emulator, app.apiKey).googleDriveBackupKeys).toBe(1);
    await expect.poll(() => app.backedUpMethods()).toEqual(['GDRIVE']);

    await app.loseDevice();
    expect(await app.recoverWith('Google Drive')).toBe('success');
    expect(await app.address()).toBe(address);
  });
});
