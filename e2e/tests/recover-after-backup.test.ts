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

  test('is not read again over a failed recovery attempt: a second backup leaves its wrong password on screen', async () => {
    const app = await stack.open({ query: { view: 'recover-beside-backup' } });
    const recover = app.recover;
    await createWallet(app);
    expect(await backUp(app, PASSWORD)).toBe('success');
    expect(await waitForState(recover, ['idle', 'error'], 15_000)).toBe('idle');

    // The user is in the middle of a recovery: a wrong password, said on the form.
    await recover.getByLabel('Backup password').fill('not the backup password');
    await recover.getByRole('button', { name: 'Recover with password' }).click();
    expect(await waitForState(recover, ['wrong-password', 'error', 'success'])).toBe('wrong-password');
    const said = await recover.innerText();

    // Every data-state the form takes from here on; a refresh would pass through loading.
    await recover.evaluate((form) => {
      const seen: string[] = [];
      new MutationObserver(() => seen.push(form.getAttribute('data-state') ?? '')).observe(form, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
      Object.assign(window, { e2eRecoverStates: seen });
    });

    const gdrive = app.page.locator('section[data-section="backup"] [data-scope="backup-button"][data-part="root"]');
    await gdrive.getByRole('button', { name: /Google Drive/ }).click();
    expect(await waitForState(gdrive, ['success', 'error'])).toBe('success');
    expect(completedMethods(stack.emulator, app.apiKey).sort()).toEqual(['GDRIVE', 'PASSWORD']);

    // The success and a refresh's loading would land in the same render: nothing to wait for.
    await expect(recover.getAttribute('data-state')).resolves.toBe('wrong-password');
    await expect(
      app.page.evaluate(() => (window as unknown as { e2eRecoverStates: string[] }).e2eRecoverStates),
    ).resolves.toEqual([]);
    await expect(recover.innerText()).resolves.toBe(said);
    // Still the methods from before: no Google Drive choice appeared under the user.
    await expect(recover.getByRole('radio').count()).resolves.toBe(0);
  });
});
