// `pnpm --filter @backup-kit/e2e screenshots`: the playground's main states, for the README.
// Writes docs/screenshots/*.png (900 px wide, and two at 375 px). No secret is visible:
// passwords are typed into masked inputs.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { waitForState, type Playground } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PASSWORD = 'a long demo password';
const DESKTOP = { width: 900, height: 760 };
const PHONE = { width: 375, height: 760 };

/** A fresh browser context, light, without motion, for one user. */
async function open(viewport: { width: number; height: number }, user: string): Promise<Playground> {
  const context = await stack.browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  return stack.open({ context, query: { user } });
}

/** The viewport with `section` near its top (or as it is, for a dialog), once the page has settled. */
async function shoot(page: Page, name: string, section?: Locator) {
  await section?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: `${outDir}${name}.png`, animations: 'disabled', caret: 'hide' });
}

async function fillPasswordForm(app: Playground, password: string) {
  await app.openMethod('password');
  const form = app.passwordBackup;
  await form.getByLabel('Backup password').fill(password);
  await app.strengthChecked();
  await form.getByLabel('Confirm password').fill(password);
  await form.getByRole('checkbox', { name: /cannot be recovered/ }).check();
  await form.getByRole('button', { name: 'Back up wallet' }).click();
}

test('the playground from a new wallet to a recovered one, and its warnings', async () => {
  await mkdir(outDir, { recursive: true });
  // Names change when shots are added: start from an empty folder, so none is left stale.
  for (const file of await readdir(outDir)) if (file.endsWith('.png')) await rm(`${outDir}${file}`);

  const app = await open(DESKTOP, 'demo-user');
  const { page } = app;

  await app.createWallet();
  await shoot(page, '01-created', page.locator('header'));

  // Hold the MPC backup for a moment so its progress can be seen.
  stack.emulator.control.injectFault({ kind: 'backup', effect: 'delay', latencyMs: 4000, apiKey: app.apiKey });
  await fillPasswordForm(app, PASSWORD);
  await waitForState(app.passwordBackup, ['backing-up']);
  await shoot(page, '02-backing-up', page.locator('section[data-section="wallet"]'));
  expect(await waitForState(app.passwordBackup, ['success', 'error'])).toBe('success');

  await expect.poll(() => app.backedUpMethods()).toEqual(['PASSWORD']);
  await shoot(page, '03-backed-up', page.locator('section[data-section="backup"]'));

  await page.locator('section[data-section="wallet"]').scrollIntoViewIfNeeded();
  expect(await app.askToLoseDevice()).toBe('some');
  await shoot(page, '04-confirm-loss');
  await app.loseDeviceDialog.getByRole('button', { name: 'Lose this device' }).click();
  await app.walletState(['lost']);
  await waitForState(app.recover, ['idle']);
  await shoot(page, '05-lost-device', page.locator('section[data-section="wallet"]'));

  expect(await app.recoverWithPassword('not my password')).toBe('wrong-password');
  await shoot(page, '06-wrong-password', page.locator('section[data-section="status"]'));

  expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
  await shoot(page, '07-recovered', page.locator('header'));

  // A new user: a weak password is refused, and losing an unbacked wallet is a loud warning.
  const fresh = await open(DESKTOP, 'demo-user-2');
  await fresh.createWallet();
  await fillPasswordForm(fresh, 'password');
  await expect.poll(() => fresh.passwordBackup.getByLabel('Backup password').getAttribute('aria-invalid')).toBe('true');
  await shoot(fresh.page, '08-weak-password', fresh.page.locator('section[data-section="backup"]'));
  await fresh.page.locator('section[data-section="wallet"]').scrollIntoViewIfNeeded();
  expect(await fresh.askToLoseDevice()).toBe('none');
  await shoot(fresh.page, '09-no-backup-warning');

  // A phone's width, same pages: the status rows and the dialog.
  await fresh.loseDeviceDialog.getByRole('button', { name: 'Keep the wallet' }).click();
  await page.setViewportSize(PHONE);
  await shoot(page, '10-phone-status', page.locator('section[data-section="status"]'));
  await fresh.page.setViewportSize(PHONE);
  expect(await fresh.askToLoseDevice()).toBe('none');
  await shoot(fresh.page, '11-phone-no-backup-warning');
});
