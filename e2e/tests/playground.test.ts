// The playground as a product: it asks before losing the device and warns when nothing could bring
// the wallet back, its copy agrees with itself, a reload never raises a false alarm, weak passwords
// are refused by a real estimator loaded on first use, focus follows the flow, and the layout holds
// at 375 px.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoViolations } from '../support/axe.js';
import { backupsRun } from '../support/emulator.js';
import { waitForState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'correct horse battery staple';

/** The focused element: its id and tag, or 'body' when focus was dropped. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });
}

describe('losing the device and recovering', () => {
  test('a reload between "Lose this device" and recovery still compares with the address the device lost', async () => {
    const app = await stack.open();
    const address = await app.createWallet();
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');

    await app.loseDevice();
    await app.page.reload();
    await app.walletState(['lost']);
    expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
    const check = app.page.getByTestId('address-check');
    await expect(check.getAttribute('data-same')).resolves.toBe('true');
    await expect(check.innerText()).resolves.toContain(
      'Recovered the same wallet: its address is the one this device lost',
    );
    expect(await app.address()).toBe(address);

    // Without what this browser kept (storage cleared or off), Portal's record of the lost wallet
    // is what it is compared with, and said so: still no alarm.
    await app.loseDevice();
    await app.page.evaluate(() => window.localStorage.removeItem('backup-kit-playground:address-before-loss'));
    await app.page.reload();
    await app.walletState(['lost']);
    expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
    await expect(check.getAttribute('data-same')).resolves.toBe('true');
    await expect(check.innerText()).resolves.toContain('its address is the one Portal had for the lost wallet');
    await expect(app.page.locator('body').innerText()).resolves.not.toContain('which is not');
  });

  test('"Lose this device" asks first: focus starts on "Keep the wallet", Escape keeps it and returns focus', async () => {
    const app = await stack.open();
    await app.createWallet();
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');

    expect(await app.askToLoseDevice()).toBe('some');
    const dialog = app.loseDeviceDialog;
    await expect(dialog.innerText()).resolves.toContain('backed up with Password');
    expect(await focused(app.page)).toBe('button:Keep the wallet');
    await expectNoViolations(app, 'lose-device dialog, backed up');

    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(app.page)).toBe('button:Lose this device');
    await app.walletState(['on-device']);

    // Confirmed: the device loses it, and focus moves on to recovery instead of the body.
    await app.loseDevice();
    await expect.poll(() => focused(app.page)).toBe('#recover-heading');
  });

  test('with no backup the dialog warns that the wallet would be gone for good, and the page then agrees with itself', async () => {
    const app = await stack.open();
    await app.createWallet();
    await expect(app.wallet.innerText()).resolves.toContain('It has no backup yet');

    expect(await app.askToLoseDevice()).toBe('none');
    const dialog = app.loseDeviceDialog;
    await expect(dialog.getAttribute('aria-labelledby')).resolves.toBeTruthy();
    await expect(dialog.innerText()).resolves.toContain('This wallet has no backup.');
    await expect(dialog.innerText()).resolves.toContain('gone for good');
    expect(await focused(app.page)).toBe('button:Keep the wallet');
    await expectNoViolations(app, 'lose-device dialog, no backup');

    // "Back it up first" leads to the backup step and loses nothing.
    await dialog.getByRole('button', { name: 'Back it up first' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's close event (which moves focus on) fires in a task after it hides.
    await expect.poll(() => focused(app.page)).toBe('#backup-heading');
    await app.walletState(['on-device']);

    await app.loseDevice('none');
    await expect(app.wallet.innerText()).resolves.toContain('the wallet has no backup: it cannot be recovered');
    await waitForState(app.recover, ['empty']);
    const page = await app.page.locator('main').innerText();
    expect(page).toContain('No backup was found for this wallet.');
    expect(page).toContain('Nothing can bring this wallet back.');
    expect(page).toContain('This wallet has no backup.');
    expect(page).toContain('without a backup there is nothing left to back up');
    // Nothing on the page says otherwise.
    for (const contradiction of [
      'recover it below',
      'Recover it from a backup',
      'not backed up yet',
      'Back it up above',
    ]) {
      expect(page).not.toContain(contradiction);
    }
    await expectNoViolations(app, 'lost without a backup');
  });
});

describe('password strength', () => {
  test('zxcvbn loads only once the password form is used, and "password" is refused with its advice', async () => {
    const app = await stack.open();
    const requests = app.recordRequests();
    await app.createWallet();
    const form = app.passwordBackup;
    await waitForState(form, ['idle']);
    await expect(app.page.locator('#method-password').getAttribute('data-strength-check')).resolves.toBe('idle');
    expect(requests.filter((url) => url.includes('zxcvbn'))).toEqual([]);

    await form.getByLabel('Backup password').fill('password');
    await app.strengthChecked();
    expect(requests.filter((url) => url.includes('zxcvbn')).length).toBeGreaterThan(0);
    const strength = form.locator('[data-part="strength"]');
    await expect(strength.innerText()).resolves.toBe('Strength: very weak. This is a heavily used password.');
    await expect(strength.getAttribute('data-score')).resolves.toBe('0');

    await form.getByLabel('Confirm password').fill('password');
    await form.getByRole('checkbox', { name: /cannot be recovered/ }).check();
    await form.getByRole('button', { name: 'Back up wallet' }).click();

    // Refused in the form: the issue is tied to the input, focus is on it, nothing ran.
    const input = form.getByLabel('Backup password');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    await expect(form.locator('[data-part="issue"][data-code="too-weak"]').innerText()).resolves.toBe(
      'Choose a stronger password.',
    );
    expect(await focused(app.page)).toMatch(/^#.*password$/);
    await expect(form.getAttribute('data-state')).resolves.toBe('idle');
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(0);
    expect((await stack.server.userShare(app.userId, 'PASSWORD')).status).toBe(404);

    // A strong one is rated so, and the issue goes.
    await input.fill(PASSWORD);
    await expect(strength.innerText()).resolves.toBe('Strength: strong.');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('focus and layout', () => {
  test('after "Create a wallet" focus moves to the next step, not the body', async () => {
    const app = await stack.open();
    await app.walletState(['none']);
    const create = app.wallet.getByRole('button', { name: 'Create a wallet' });
    await create.focus();
    await app.page.keyboard.press('Enter');
    await app.walletState(['on-device']);
    await expect.poll(() => focused(app.page)).toBe('#backup-heading');
    await expect(app.page.locator('#backup-heading').innerText()).resolves.toBe('2. Back it up');
    // The next Tab goes on into that step.
    await app.page.keyboard.press('Tab');
    expect(await app.page.evaluate(() => !!document.activeElement?.closest('[data-section="backup"]'))).toBe(true);
  });

  test('at 375 px status rows fill their card and keep "Not backed up" on one line; buttons match the kit', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 375, height: 800 } });
    const app = await stack.open({ context });
    await app.createWallet();
    const items = app.status.locator('[data-scope="backup-status"][data-part="item"]');
    await expect.poll(() => items.count()).toBe(3);

    const layout = await app.page.evaluate(() => {
      const card = document.querySelector<HTMLElement>('[data-section="status"]')!;
      const root = card.querySelector<HTMLElement>('[data-scope="backup-status"][data-part="root"]')!;
      const statuses = [...card.querySelectorAll<HTMLElement>('[data-part="item-status"]')];
      const cardStyle = getComputedStyle(card);
      const contentWidth = card.clientWidth - parseFloat(cardStyle.paddingLeft) - parseFloat(cardStyle.paddingRight);
      return {
        rootWidth: root.getBoundingClientRect().width,
        contentWidth,
        pageWidth: document.documentElement.scrollWidth,
        lines: statuses.map((s) =>
          Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)),
        ),
      };
    });
    expect(layout.rootWidth).toBeCloseTo(layout.contentWidth, 0);
    expect(layout.lines).toEqual([1, 1, 1]);
    expect(layout.pageWidth).toBeLessThanOrEqual(375);

    // The page's buttons and the kit's: one height, padding, radius and weight.
    const look = (selector: string) =>
      app.page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.fontWeight, s.fontSize, s.minHeight, s.paddingLeft, s.borderTopLeftRadius].join(' ');
        });
    const kit = await look('[data-scope="password-backup"][data-part="submit"]');
    expect(await look('.pg-button--danger')).toBe(kit);
    expect(await look('.pg-button--secondary')).toBe(kit);
  });

  test('wide, the status list is as wide as its card rather than stopping at 450 px', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 900, height: 800 } });
    const app = await stack.open({ context });
    await app.createWallet();
    const widths = await app.page.evaluate(() => {
      const card = document.querySelector<HTMLElement>('[data-section="status"]')!;
      const root = card.querySelector<HTMLElement>('[data-scope="backup-status"][data-part="root"]')!;
      const s = getComputedStyle(card);
      return {
        root: root.getBoundingClientRect().width,
        content: card.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight),
      };
    });
    expect(widths.content).toBeGreaterThan(600);
    expect(widths.root).toBeCloseTo(widths.content, 0);
  });
});
