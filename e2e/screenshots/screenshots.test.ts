// `pnpm --filter @backup-kit/e2e screenshots`: the playground's main states, for the README.
// Writes docs/screenshots/*.png. No secret is visible: passwords are typed into masked inputs.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { waitForState } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PASSWORD = 'a long demo password';

test('the playground from a new wallet to a recovered one', async () => {
  await mkdir(outDir, { recursive: true });
  const context = await stack.browser.newContext({
    viewport: { width: 900, height: 760 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const app = await stack.open({ context, query: { user: 'demo-user' } });
  const { page } = app;

  /** The viewport with `section` near its top, once the page has settled. */
  async function shoot(name: string, section: Locator) {
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: `${outDir}${name}.png`, animations: 'disabled', caret: 'hide' });
  }

  await app.createWallet();
  await shoot('01-created', page.locator('header'));

  // Hold the MPC backup for a moment so its progress can be seen.
  stack.emulator.control.injectFault({ kind: 'backup', effect: 'delay', latencyMs: 4000, apiKey: app.apiKey });
  await app.openMethod('password');
  const form = app.passwordBackup;
  await form.getByLabel('Backup password').fill(PASSWORD);
  await form.getByLabel('Confirm password').fill(PASSWORD);
  await form.getByRole('checkbox', { name: /cannot be recovered/ }).check();
  await form.getByRole('button', { name: 'Back up wallet' }).click();
  await waitForState(form, ['backing-up']);
  await shoot('02-backing-up', page.locator('section[data-section="wallet"]'));
  expect(await waitForState(form, ['success', 'error'])).toBe('success');

  await expect.poll(() => app.backedUpMethods()).toEqual(['PASSWORD']);
  await shoot('03-backed-up', page.locator('section[data-section="backup"]'));

  await app.loseDevice();
  await waitForState(app.recover, ['idle']);
  await shoot('04-lost-device', page.locator('section[data-section="wallet"]'));

  expect(await app.recoverWithPassword('not my password')).toBe('wrong-password');
  await shoot('05-wrong-password', page.locator('section[data-section="status"]'));

  expect(await app.recoverWithPassword(PASSWORD)).toBe('success');
  await shoot('06-recovered', page.locator('header'));
});
