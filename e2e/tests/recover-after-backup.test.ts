// Issue 11.6: fresh everywhere. A RecoverWallet on the page that made a backup used to keep
// saying "No backup was found" until it remounted; it now reads the methods again after any kit
// backup on the same Portal, as BackupStatus does. The playground's ?view=recover-beside-backup
// keeps one mounted beside a PasswordBackup on the provider's Portal.
import { describe, expect, test } from 'vitest';
import { expectNoViolations } from '../support/axe.js';
import { completedMethods } from '../support/emulator.js';
import { waitForState, type Playground } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'recover after backup password';

/** The wallet card's data-state is the gate's: no-wallet, backup, on-device… */
async function createWallet(app: Playground): Promise<void> {
  expect(await waitForState(app.wallet, ['no-wallet'])).toBe('no-wallet');
  await app.wallet.getByRole('button', { name: 'Create a wallet' }).click();
  expect(await waitForState(app.wallet, ['backup', 'on-device', 'error'])).toBe('backup');
}

async function backUp(app: Playground, password: string): Promise<string> {
  const form = app.passwordBackup;
  await form.getByLabel('Backup password').fill(password);
  await form.getByLabel('Confirm password').fill(password);
  await form.getByRole('checkbox', { name: /cannot be recovered/ }).check();
  await form.getByRole('button', { name: 'Back up wallet' }).click();
  return waitForState(form, ['success', 'error']);
}

describe('a RecoverWallet beside the backup', () => {
  test('goes from "No backup was found" to offering the password once a backup on the same Portal succeeds, without a reload or remount', async () => {
    const app = await stack.open({ query: { view: 'recover-beside-backup' } });
    const recover = app.recover;
    await createWallet(app);

    expect(await waitForState(recover, ['empty', 'idle', 'error'])).toBe('empty');
    await expect(recover.innerText()).resolves.toContain('No backup was found for this wallet.');
    await expect(recover.getByLabel('Backup password').count()).resolves.toBe(0);
    await expectNoViolations(app, 'recover beside backup, before the backup');

    // Marks on this document and on this very form: a reload or a remount would lose them.
    let navigations = 0;
    app.page.on('framenavigated', (frame) => frame === app.page.mainFrame() && navigations++);
    await app.page.evaluate(() => Object.assign(window, { e2eSamePage: true }));
    await recover.evaluate((form) => Object.assign(form, { e2eSameForm: true }));

    expect(await backUp(app, PASSWORD)).toBe('success');
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);

    // By itself, soon: the methods are read again right after the backup's success.
    expect(await waitForState(recover, ['idle', 'error'], 15_000)).toBe('idle');
    await expect(recover.getAttribute('data-method')).resolves.toBe('PASSWORD');
    await expect(recover.getByLabel('Backup password').isVisible()).resolves.toBe(true);
    await expect(recover.getByRole('button', { name: 'Recover with password' }).isVisible()).resolves.toBe(true);
    await expect(recover.innerText()).resolves.not.toContain('No backup was found');

    expect(navigations).toBe(0);
    await expect(app.page.evaluate(() => 'e2eSamePage' in window)).resolves.toBe(true);
    await expect(recover.evaluate((form) => 'e2eSameForm' in form)).resolves.toBe(true);
    await expectNoViolations(app, 'recover beside backup, after the backup');
  });
});
