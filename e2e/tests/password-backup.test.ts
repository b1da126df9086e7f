// Issue 3: password backups through the real @portal-hq/web 3.4.1, end to end.
import { describe, expect, test } from 'vitest';
import { backupsRun, completedMethods, storedVerdicts } from '../support/emulator.js';
import { waitForNewState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'correct horse battery staple';

describe('password backup and recovery', () => {
  test('a wallet backed up with a password comes back with the same address, and a wrong password loses nothing', async () => {
    const app = await stack.open();
    const address = await app.createWallet();
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);

    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    await expect.poll(() => app.passwordBackup.getAttribute('data-state')).toBe('success');
    // Portal was told true for PASSWORD, once, after the server had the share.
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);
    const stored = await stack.server.userShare(app.userId, 'PASSWORD');
    expect(stored.status).toBe(200);

    // The status component reads Portal: PASSWORD is backed up, nothing else.
    await expect.poll(() => app.backedUpMethods()).toEqual(['PASSWORD']);
    await expect(app.status.innerText()).resolves.toContain('Backed up with Password.');

    await app.loseDevice();
    await expect(app.page.getByTestId('wallet-address').textContent()).resolves.toBe(address);

    // A wrong password: a clear, retryable error; the stored share is untouched.
    expect(await app.recoverWithPassword('not the password at all')).toBe('wrong-password');
    await expect(app.recover.innerText()).resolves.toContain('That password does not unlock this backup');
    await expect(app.recover.getByLabel('Backup password').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await stack.server.userShare(app.userId, 'PASSWORD')).toEqual(stored);
    await app.walletState(['lost']);

    expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
    await app.walletState(['on-device']);
    expect(await app.address()).toBe(address);
    await expect(app.page.getByTestId('address-check').getAttribute('data-same')).resolves.toBe('true');
    // Recovery only read the share.
    expect(await stack.server.userShare(app.userId, 'PASSWORD')).toEqual(stored);
  });

  test('when Portal cannot be told, the retry tells it again without a new MPC backup', async () => {
    const app = await stack.open();
    await app.createWallet();
    stack.emulator.control.injectFault({
      kind: 'storedClientBackupShare',
      code: 999,
      message: 'Injected by the e2e suite',
      apiKey: app.apiKey,
    });

    expect(await app.backUpWithPassword(PASSWORD)).toBe('error');
    const form = app.passwordBackup;
    await expect(form.getAttribute('data-stage')).resolves.toBe('notifying');
    await expect(form.innerText()).resolves.toContain('Portal could not be told');
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(1);
    const stored = await stack.server.userShare(app.userId, 'PASSWORD');
    expect(stored.status).toBe(200);

    // The submit button now retries: only the notification runs again.
    await form.getByRole('button', { name: 'Try again' }).click();
    expect(await waitForNewState(form, 'error', ['success', 'error'])).toBe('success');
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(1);
    expect(storedVerdicts(stack.emulator, app.apiKey).map((v) => v.success)).toEqual([true, true]);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);
    expect(await stack.server.userShare(app.userId, 'PASSWORD')).toEqual(stored);
  });

  test('a Portal that never becomes ready is reported after the time limit instead of hanging', async () => {
    stack.emulator.control.injectFault({ kind: 'configure', effect: 'hang' });
    const app = await stack.open({ query: { readyTimeoutMs: '1500' } });
    const message = 'Portal did not become ready in time';

    await app.walletState(['portal-error'], 15_000);
    await expect(app.wallet.innerText()).resolves.toContain(message);
    // The kit's own components say so too, and offer a retry that restarts Portal.
    await app.openMethod('password');
    await expect(app.passwordBackup.getAttribute('data-portal')).resolves.toBe('error');
    await expect(app.passwordBackup.innerText()).resolves.toContain(message);
    await expect(app.status.innerText()).resolves.toContain(message);

    // The fault was for one configure: connecting again works.
    await app.wallet.getByRole('button', { name: 'Connect to Portal again' }).click();
    await app.walletState(['none'], 15_000);
  });

  test('a Portal host where nothing answers is reported after the time limit', async () => {
    const app = await stack.open({ query: { portalHost: 'localhost:9', readyTimeoutMs: '1500' } });
    await app.walletState(['portal-error'], 15_000);
    await expect(app.wallet.innerText()).resolves.toContain('Portal did not become ready in time');
    await app.openMethod('gdrive');
    const button = app.page.locator('[data-scope="backup-button"][data-part="root"]');
    await expect(button.getAttribute('data-portal')).resolves.toBe('error');
  });

  test('starting over gives this browser a new user with no wallet, and the old one keeps its backup', async () => {
    const app = await stack.open();
    await app.createWallet();
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');

    await app.page.getByRole('button', { name: 'Start over as a new user' }).click();
    await expect.poll(() => app.page.getByTestId('user-id').textContent()).not.toBe(app.userId);
    const newUser = (await app.page.getByTestId('user-id').textContent()) ?? '';
    await app.walletState(['none']);
    // The new id sticks in this browser.
    await app.page.reload();
    await expect(app.page.getByTestId('user-id').textContent()).resolves.toBe(newUser);
    expect((await stack.server.userShare(newUser, 'PASSWORD')).status).toBe(404);
    expect((await stack.server.userShare(app.userId, 'PASSWORD')).status).toBe(200);
  });
});
