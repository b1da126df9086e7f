// Issue 12.3: export (eject) through the real @portal-hq/web 3.4.1, the emulator and the server's
// export route, from the playground's ExportWallet (`@backup-kit/react/export`).
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { AuthorizeExportContext } from '@backup-kit/server';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PasskeyWallet, VirtualAuthenticator } from '../support/passkeys.js';
import { waitForState, type Playground } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const PASSWORD = 'correct horse battery staple';

// Who the server let export: the hook sees the caller, the client and the method, never a share.
const exports: AuthorizeExportContext[] = [];
const allowExport = (_request: Request, context: AuthorizeExportContext) => {
  exports.push(context);
  return true;
};
const stack = useStack({ authorizeExport: allowExport });

/** The EVM address of a secp256k1 private key (hex, no 0x), lowercased. */
function addressOf(privateKeyHex: string): string {
  const publicKey = secp256k1.getPublicKey(hexToBytes(privateKeyHex), false);
  return `0x${bytesToHex(keccak_256(publicKey.subarray(1)).subarray(12))}`;
}

/** What leaves the page: console lines and request URLs, to check no secret is in any. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('console', (message) => seen.push(message.text()));
  page.on('request', (request) => seen.push(request.url()));
  return seen;
}

/** Opens an export panel (a <details>) and returns its ExportWallet root. */
async function exportPanel(app: Playground, id: 'password' | 'passkey-direct' | 'passkey-sdk'): Promise<Locator> {
  const panel = app.page.locator(`details[data-export-panel="${id}"]`);
  await panel.locator('summary').click();
  const root = panel.locator('[data-scope="export-wallet"][data-part="root"]');
  await waitForState(root, ['idle']);
  return root;
}

/** Every attribute value and the text of the page, as one string. */
const pageText = (page: Page) =>
  page.evaluate(() =>
    [
      document.documentElement.outerHTML,
      ...[...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.value)),
    ].join('\n'),
  );

/**
 * From `revealed` (key still hidden): checks the page holds no 64-hex key yet, presses Reveal,
 * reads the key, and checks it is in no attribute, and that the page before held none of it.
 */
async function revealKey(root: Locator): Promise<string> {
  const before = await pageText(root.page());
  await expect(root.getByRole('group', { name: 'Private key (EVM)' }).innerText()).resolves.toContain('Hidden.');
  await root.getByRole('button', { name: 'Reveal' }).click();
  const text = await root.getByRole('group', { name: 'Private key (EVM)' }).innerText();
  const key = /\b[0-9a-f]{64}\b/.exec(text)?.[0];
  if (!key) throw new Error(`No key shown: ${text}`);
  expect(before).not.toContain(key);
  const attributes = await root
    .page()
    .evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.value)).join(' '),
    );
  expect(attributes).not.toContain(key);
  return key;
}

describe('export (eject) from the playground', () => {
  test('a password backup: confirm, reveal, and the key is the wallet’s; nothing secret before the reveal, in a URL or a log', async () => {
    const app = await stack.open();
    const seen = watch(app.page);
    const address = await app.createWallet();
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    const before = exports.length;

    const root = await exportPanel(app, 'password');
    await root.getByRole('button', { name: 'Export private key' }).click();
    expect(await waitForState(root, ['confirming'])).toBe('confirming');
    expect(exports.length).toBe(before); // nothing is fetched before the confirmation
    await root.getByLabel('Backup password').fill(PASSWORD);
    await root.getByRole('button', { name: 'Export the key' }).click();

    expect(await waitForState(root, ['revealed', 'refused', 'error'])).toBe('revealed');
    const key = await revealKey(root);
    expect(addressOf(key)).toBe(address.toLowerCase());
    expect(exports.slice(before)).toEqual([expect.objectContaining({ userId: app.userId, backupMethod: 'PASSWORD' })]);
    expect(seen.join('\n')).not.toContain(key);
    expect(seen.join('\n')).not.toContain(PASSWORD);

    // Portal now reports ejectedAt, and the status says so.
    await expect.poll(() => app.status.innerText(), { timeout: 15_000 }).toContain('private key was exported on');

    await root.getByRole('button', { name: 'Hide and clear' }).click();
    expect(await waitForState(root, ['hidden'])).toBe('hidden');
    expect(await pageText(app.page)).not.toContain(key);
    await expect(
      root.getByRole('button', { name: 'Export again' }).evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
  });

  test('a passkey backup in the key vault (the kit’s direct path): the passkey unlocks it and the key is the wallet’s', async () => {
    let authenticator: VirtualAuthenticator | undefined;
    const app = await stack.open({
      setUp: async (page: Page) => void (authenticator = await VirtualAuthenticator.attach(page)),
    });
    const address = await app.createWallet();
    const setup = app.passkeySetup(await app.openMethod('passkey-direct'));
    await waitForState(setup, ['idle']);
    await setup.getByRole('button', { name: 'Create a passkey and back up' }).click();
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('success');
    expect(authenticator).toBeDefined();

    const root = await exportPanel(app, 'passkey-direct');
    await root.getByRole('button', { name: 'Export private key' }).click();
    await waitForState(root, ['confirming']);
    await expect(root.getByLabel('Backup password').count()).resolves.toBe(0);
    await root.getByRole('button', { name: 'Export the key' }).click();

    expect(await waitForState(root, ['revealed', 'refused', 'error'])).toBe('revealed');
    expect(addressOf(await revealKey(root))).toBe(address.toLowerCase());
  });

  test("a passkey backup through Portal's window: the window opens inside the confirm click, and the key is the wallet’s", async () => {
    const app = await stack.open();
    const passkeys = new PasskeyWallet();
    const address = await app.createWallet();
    const setup = app.passkeySetup(await app.openMethod('passkey-sdk'));
    await waitForState(setup, ['idle']);
    await throughPasskeyWindow(app, passkeys, () =>
      setup.getByRole('button', { name: "Back up with a passkey in Portal's window" }).click(),
    );
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('success');

    const root = await exportPanel(app, 'passkey-sdk');
    await root.getByRole('button', { name: 'Export private key' }).click();
    await waitForState(root, ['confirming']);
    await throughPasskeyWindow(app, passkeys, () => root.getByRole('button', { name: 'Export the key' }).click());

    expect(await waitForState(root, ['revealed', 'refused', 'error'])).toBe('revealed');
    expect(addressOf(await revealKey(root))).toBe(address.toLowerCase());
  });

  test('refused when the server runs without authorizeExport: the route does not exist, and Portal exports nothing', async () => {
    const app = await stack.open();
    await app.createWallet();
    expect(await app.backUpWithPassword(PASSWORD)).toBe('success');
    stack.server.authorizeExport = undefined;
    await stack.server.stop();
    await stack.server.start();
    try {
      const root = await exportPanel(app, 'password');
      await root.getByRole('button', { name: 'Export private key' }).click();
      await root.getByLabel('Backup password').fill(PASSWORD);
      await root.getByRole('button', { name: 'Export the key' }).click();

      expect(await waitForState(root, ['revealed', 'refused', 'error'])).toBe('refused');
      await expect(root.getByRole('status').innerText()).resolves.toContain('Exporting this wallet is not allowed');
      await expect(app.status.innerText()).resolves.not.toContain('exported on');
      expect(await pageText(app.page)).not.toMatch(/\b[0-9a-f]{64}\b/);
    } finally {
      stack.server.authorizeExport = allowExport;
      await stack.server.stop();
      await stack.server.start();
    }
  });
});

/** Clicks, attaches an authenticator to the passkey window it opens, and continues there. */
async function throughPasskeyWindow(app: Playground, passkeys: PasskeyWallet, click: () => Promise<void>) {
  const opened = app.context.waitForEvent('page');
  await click();
  const popup = await opened;
  await passkeys.attachTo(popup);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Continue with passkey' }).click();
  await closed;
}
