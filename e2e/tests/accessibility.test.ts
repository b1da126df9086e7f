// The playground is accessible (axe finds nothing, light and dark) and usable with the keyboard
// alone, from creating a wallet to recovering it; no secret reaches the DOM, the URL or the console.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoViolations } from '../support/axe.js';
import { waitForState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const PASSWORD = 'keyboard only password';

/** Portal's hidden iframes, as a screen reader and the Tab key meet them. */
function portalFrames(page: Page): Promise<{ title: string; tabIndex: number }[]> {
  return page
    .locator('iframe[src*="/iframe/index.html"]')
    .evaluateAll((frames: HTMLIFrameElement[]) =>
      frames.map((frame) => ({ title: frame.title, tabIndex: frame.tabIndex })),
    );
}

const namedAndUntabbable = [{ title: 'Portal wallet connection (no visible content)', tabIndex: -1 }];

/** The focused element's accessible name, roughly: its label, aria-label or text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
    return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused control's name matches, as a keyboard user would. */
async function tabTo(page: Page, name: string | RegExp, limit = 60): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

describe('accessibility', () => {
  test("axe finds no violation in the main states, in light and dark, and Portal's hidden iframe is named and out of the tab order", async () => {
    const app = await stack.open();
    await app.walletState(['none']);
    await expectNoViolations(app, 'no wallet');
    expect(await portalFrames(app.page)).toEqual(namedAndUntabbable);

    await app.createWallet();
    await expectNoViolations(app, 'wallet created');

    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    await expectNoViolations(app, 'backed up');

    await app.loseDevice();
    await waitForState(app.recover, ['idle']);
    await expectNoViolations(app, 'device lost');

    expect(await app.recoverWithPassword('a wrong password')).toBe('wrong-password');
    await expectNoViolations(app, 'wrong password');
  });

  test('axe finds no violation when Portal cannot start, and its hidden iframe is still named and out of the tab order', async () => {
    const app = await stack.open({ query: { portalHost: 'localhost:9', readyTimeoutMs: '1000' } });
    await app.walletState(['portal-error'], 15_000);
    await expectNoViolations(app, 'Portal not ready');
    expect(await portalFrames(app.page)).toEqual(namedAndUntabbable);
  });

  test('create, back up, lose the device and recover with the keyboard alone; no secret in the DOM, URL or console', async () => {
    const app = await stack.open();
    const { page } = app;
    const consoleText: string[] = [];
    page.on('console', (message) => void consoleText.push(message.text()));
    await app.walletState(['none']);

    await tabTo(page, 'Create a wallet');
    await page.keyboard.press('Enter');
    await app.walletState(['on-device']);
    const address = await app.address();

    await tabTo(page, 'Backup password');
    await page.keyboard.type(PASSWORD);
    await tabTo(page, 'Confirm password');
    await page.keyboard.type(PASSWORD);
    await tabTo(page, /cannot be recovered/);
    await page.keyboard.press('Space');
    // The strength check loads when the form is first used; it rates this password strong.
    await app.strengthChecked();
    await expect(app.passwordBackup.locator('[data-part="strength"]').innerText()).resolves.toBe('Strength: strong.');
    await tabTo(page, 'Back up wallet');
    await page.keyboard.press('Enter');
    expect(await waitForState(app.passwordBackup, ['success', 'error'])).toBe('success');

    // Back to the top of the page, then down to the wallet's button.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, 'Lose this device');
    await page.keyboard.press('Space');
    // The dialog asks first, with focus on the safe answer; the loss is one Tab and Enter away.
    expect(await waitForState(app.loseDeviceDialog, ['some', 'none', 'unknown'])).toBe('some');
    expect(await focusedName(page)).toBe('Keep the wallet');
    await tabTo(page, 'Lose this device', 3);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    await page.keyboard.press('Enter');
    await app.walletState(['lost']);

    await waitForState(app.recover, ['idle']);
    await tabTo(page, 'Backup password');
    // Both forms have a "Backup password": this one must be the recovery's.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-scope="recover-wallet"]'))).toBe(true);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    expect(await app.recoveryOutcome()).toBe('success');
    expect(await app.address()).toBe(address);

    const share = await stack.server.userShare(app.userId, 'PASSWORD');
    const secrets = [PASSWORD, share.cipherText!];
    const dom = await page.content();
    for (const secret of secrets) {
      expect(dom).not.toContain(secret);
      expect(page.url()).not.toContain(encodeURIComponent(secret));
      expect(consoleText.join('\n')).not.toContain(secret);
    }
  });
});
