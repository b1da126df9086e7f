// Issue 11.3: the wallet's lifecycle. The playground's wallet card is the kit's WalletGate over
// the real SDK: no wallet → create, then the backup step at once; a wallet not on this device →
// recovery; on the device → the app, with a reminder while nothing is backed up.
import { describe, expect, test } from 'vitest';
import { expectNoViolations } from '../support/axe.js';
import { backupsRun, completedMethods } from '../support/emulator.js';
import { waitForState, type Playground } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'wallet gate backup password';

const reminder = (app: Playground) => app.gate.locator('[data-part="reminder"]');
const skip = (app: Playground) => app.gate.getByRole('button', { name: 'Back up later' });

/** Creates the wallet through the gate; resolves with the state the gate moved to. */
async function create(app: Playground): Promise<string> {
  expect(await waitForState(app.gate, ['no-wallet'])).toBe('no-wallet');
  await app.gate.getByRole('button', { name: 'Create a wallet' }).click();
  return waitForState(app.gate, ['backup', 'on-device', 'error']);
}

describe('WalletGate in the playground', () => {
  test('a new user creates a wallet, is asked to back up at once, then sees the app; a lost device recovers the same address', async () => {
    const app = await stack.open();
    // Straight into the backup step, not the app.
    expect(await create(app)).toBe('backup');
    const address = await app.address();
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    await expect(app.wallet.innerText()).resolves.toContain('It has no backup yet: back it up below, now.');
    await expect(skip(app).isVisible()).resolves.toBe(true);
    await expect(reminder(app).count()).resolves.toBe(0);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(0);
    await expectNoViolations(app, 'wallet gate, backup step');

    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    // The gate moves on to the app by itself once the backup succeeded: no reminder, no skip.
    expect(await waitForState(app.gate, ['on-device'])).toBe('on-device');
    await expect(skip(app).count()).resolves.toBe(0);
    await expect(reminder(app).count()).resolves.toBe(0);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);

    await app.loseDevice();
    expect(await waitForState(app.gate, ['not-on-device'])).toBe('not-on-device');
    expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
    expect(await waitForState(app.gate, ['on-device'])).toBe('on-device');
    expect(await app.address()).toBe(address);
    await expect(reminder(app).count()).resolves.toBe(0);
  });

  test('a user who backs up later sees the reminder, after a reload too, until a backup is made', async () => {
    const app = await stack.open();
    expect(await create(app)).toBe('backup');
    await skip(app).click();
    expect(await waitForState(app.gate, ['on-device'])).toBe('on-device');
    // Focus stays in the wallet card (the gate's root), not dropped on the body.
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-scope')))
      .toBe('wallet-gate');
    await reminder(app).waitFor();
    await expect(reminder(app).innerText()).resolves.toContain('Your wallet is not backed up yet.');
    await expect(reminder(app).getAttribute('role')).resolves.toBe('note');
    await expectNoViolations(app, 'wallet gate, reminder');

    // A reload finds the wallet on this device without a backup: the app, with the reminder.
    await app.page.reload();
    expect(await waitForState(app.gate, ['on-device', 'backup', 'no-wallet'])).toBe('on-device');
    await reminder(app).waitFor();

    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    await reminder(app).waitFor({ state: 'detached' });
    expect(await waitForState(app.gate, ['on-device'])).toBe('on-device');
  });
});
