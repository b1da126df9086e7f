// Issue 11.4: backups that are verified. BackupStatus cross-checks what Portal counts with the
// app's storage (the Backup Kit server): a share deleted there behind the kit's back shows as
// missing, and a new backup puts it back.
import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, test } from 'vitest';
import { backupsRun, completedMethods } from '../support/emulator.js';
import { waitForState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'missing share backup password';

/** Deletes the user's stored share straight from the server's database (no route deletes one). */
function deleteShare(userId: string, backupMethod: string): Promise<number> {
  return stack.server.readDatabase(async (db: PGlite) => {
    const { affectedRows } = await db.query(
      'delete from user_backup_shares where user_id = $1 and backup_method = $2',
      [userId, backupMethod],
    );
    return affectedRows ?? 0;
  });
}

describe('a stored share that went missing', () => {
  test('shows as missing after a reload, and backing up again makes it backed up', async () => {
    const app = await stack.open();
    await app.createWallet();
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    const item = app.status.locator('[data-scope="backup-status"][data-part="item"][data-method="PASSWORD"]');
    // Backed up, and read with the storage's answer (not a stale read from before the backup).
    const backedUp = item.and(app.page.locator('[data-backed-up][data-state="ready"]'));
    await backedUp.waitFor({ timeout: 45_000 });

    expect(await deleteShare(app.userId, 'PASSWORD')).toBe(1);
    expect((await stack.server.userShare(app.userId, 'PASSWORD')).status).toBe(404);
    // Portal still counts the backup: only the app's storage lost it.
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);

    await app.page.reload();
    await app.walletState(['on-device']);
    expect(await waitForState(item, ['missing', 'ready'])).toBe('missing');
    await expect(item.getAttribute('data-backed-up')).resolves.toBe('');
    await expect(item.locator('[data-part="item-status"]').innerText()).resolves.toMatch(/missing|again/i);

    // Back up again (the page's own password form): a new MPC backup, stored, and no longer missing.
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    expect((await stack.server.userShare(app.userId, 'PASSWORD')).status).toBe(200);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(2);
    await backedUp.waitFor({ timeout: 45_000 });
  });
});
