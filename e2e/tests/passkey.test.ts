// Issue 4: passkey backups with a CDP virtual authenticator — the kit's direct path against the
// server's key vault (with and without PRF), Portal's own path through the emulator's passkey
// window, refusals, invalid custom-domain options and browsers without WebAuthn.
import type { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { backupsRun, client, completedMethods, storedVerdicts } from '../support/emulator.js';
import { PasskeyWallet, VirtualAuthenticator } from '../support/passkeys.js';
import type { VirtualAuthenticatorOptions } from '@backup-kit/chromium';
import { waitForNewState, waitForState, type Playground } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();

/** The playground with a virtual authenticator on its page. */
async function openWithAuthenticator(
  options: VirtualAuthenticatorOptions = {},
  query?: Record<string, string>,
): Promise<{ app: Playground; authenticator: VirtualAuthenticator }> {
  let authenticator: VirtualAuthenticator | undefined;
  const app = await stack.open({
    ...(query && { query }),
    setUp: async (page: Page) => (authenticator = await VirtualAuthenticator.attach(page, options)),
  });
  return { app, authenticator: authenticator! };
}

const base64url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The vault's row for a passkey: its mode and whether a sealed key is stored (never the key). */
async function vaultRow(credentialId: string) {
  return stack.server.readDatabase(async (db: PGlite) => {
    const { rows } = await db.query<{ mode: string; has_key: boolean }>(
      'select mode, sealed_key is not null as has_key from vault_credentials where id = $1',
      [base64url(credentialId)],
    );
    return rows[0];
  });
}

async function directBackup(app: Playground): Promise<string> {
  await app.createWallet();
  const panel = await app.openMethod('passkey-direct');
  const setup = app.passkeySetup(panel);
  await waitForState(setup, ['idle']);
  await setup.getByRole('button', { name: 'Create a passkey and back up' }).click();
  return waitForState(setup, ['success', 'error', 'cancelled']);
}

describe('passkey backups on the kit direct path (key vault)', () => {
  test('without PRF: back up, lose the device, recover by passkey to the same address; the vault keeps the key', async () => {
    const { app, authenticator } = await openWithAuthenticator();
    expect(await directBackup(app)).toBe('success');
    const address = await app.address();

    // Stored as CUSTOM in the server; Portal knows a PASSWORD backup (3.4.1 has no CUSTOM).
    expect((await stack.server.userShare(app.userId, 'CUSTOM')).status).toBe(200);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
    await expect.poll(() => app.backedUpMethods()).toEqual(['PASSWORD']);
    const [credential, ...more] = await authenticator.credentials();
    expect(more).toEqual([]);

    await app.loseDevice();
    expect(await app.recoverWith('Passkey (key vault)')).toBe('success');
    expect(await app.address()).toBe(address);
    expect(await vaultRow(credential!.credentialId)).toEqual({ mode: 'vault', has_key: true });
  });

  test('with PRF: the key comes from the passkey, the vault stores none, and recovery gives the same address', async () => {
    const { app, authenticator } = await openWithAuthenticator({ hasPrf: true });
    const vaultAnswers: Array<Record<string, unknown>> = [];
    app.page.on('response', (response) => {
      if (response.url().endsWith('/vault/authentication/verify'))
        void response.json().then((body: Record<string, unknown>) => vaultAnswers.push(body));
    });
    expect(await directBackup(app)).toBe('success');
    const address = await app.address();
    expect((await stack.server.userShare(app.userId, 'CUSTOM')).status).toBe(200);

    await app.loseDevice();
    expect(await app.recoverWith('Passkey (key vault)')).toBe('success');
    expect(await app.address()).toBe(address);

    const [credential] = await authenticator.credentials();
    expect(await vaultRow(credential!.credentialId)).toEqual({ mode: 'prf', has_key: false });
    await expect.poll(() => vaultAnswers.length).toBeGreaterThan(0);
    for (const answer of vaultAnswers) {
      expect(answer.mode).toBe('prf');
      expect(answer).not.toHaveProperty('key');
    }
  });

  test('a refused user verification is a cancelled backup that stores nothing, and the retry works', async () => {
    const { app, authenticator } = await openWithAuthenticator({ isUserVerified: false });
    expect(await directBackup(app)).toBe('cancelled');
    const setup = app.passkeySetup(app.page.locator('details[data-method-panel="passkey-direct"]'));
    await expect(setup.innerText()).resolves.toContain('The passkey prompt was cancelled or timed out');
    // The fallback offers the password backup instead.
    await expect(setup.getByRole('link', { name: 'Password' }).count()).resolves.toBe(1);
    expect((await stack.server.userShare(app.userId, 'CUSTOM')).status).toBe(404);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(0);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([]);

    await authenticator.setUserVerified(true);
    await setup.getByRole('button', { name: 'Try again' }).click();
    expect(await waitForNewState(setup, 'cancelled', ['success', 'error', 'cancelled'])).toBe('success');
    expect((await stack.server.userShare(app.userId, 'CUSTOM')).status).toBe(200);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(1);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  test('the key vault the emulator mounts serves the same backup and recovery', async () => {
    const { app } = await openWithAuthenticator({}, { vaultUrl: stack.emulator.url });
    const vaultCalls = app.recordRequests();
    expect(await directBackup(app)).toBe('success');
    const address = await app.address();
    await app.loseDevice();
    expect(await app.recoverWith('Passkey (key vault)')).toBe('success');
    expect(await app.address()).toBe(address);
    const vaultOrigins = new Set(vaultCalls.filter((url) => url.includes('/vault/')).map((url) => new URL(url).origin));
    expect([...vaultOrigins]).toEqual([stack.emulator.url]);
  });

  const invalid = [
    {
      name: 'an http customDomain that is not localhost',
      query: { vaultUrl: 'http://vault.example.com', rpId: 'example.com' },
      codes: ['custom-domain-insecure', 'relying-party-id-not-suffix-of-page'],
    },
    {
      name: 'a relying party that does not cover the page',
      query: { vaultUrl: 'https://vault.example.com', rpId: 'example.com' },
      codes: ['relying-party-id-not-suffix-of-page'],
    },
    {
      name: 'a public suffix as relying party',
      query: { vaultUrl: 'https://vault.example.co.uk', rpId: 'co.uk' },
      codes: ['relying-party-id-public-suffix', 'relying-party-id-not-suffix-of-page'],
    },
    {
      name: 'an IP address as relying party',
      query: { vaultUrl: 'https://127.0.0.1', rpId: '127.0.0.1' },
      codes: ['relying-party-id-ip-address'],
    },
  ];
  test.each(invalid)('$name is listed before any passkey prompt or vault request', async ({ query, codes }) => {
    const { app, authenticator } = await openWithAuthenticator({}, query);
    const requests = app.recordRequests();
    const state = await directBackup(app);
    expect(state).toBe('error');
    const setup = app.passkeySetup(app.page.locator('details[data-method-panel="passkey-direct"]'));
    await expect(setup.getAttribute('data-stage')).resolves.toBe('validating');
    const listed = await setup
      .locator('[data-part="issue"]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
    expect(listed.sort()).toEqual([...codes].sort());
    await expect(setup.locator('[data-part="issue"]').first().isVisible()).resolves.toBe(true);
    expect(requests.filter((url) => url.includes('/vault/'))).toEqual([]);
    expect(await authenticator.credentials()).toEqual([]);
    expect(backupsRun(stack.emulator, app.apiKey)).toBe(0);
  });

  test('a browser without WebAuthn gets the unsupported state and the password fallback, never a dead button', async () => {
    const app = await stack.open({
      initScript: () => {
        delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
      },
    });
    await app.createWallet();
    for (const id of ['passkey-direct', 'passkey-sdk'] as const) {
      const setup = app.passkeySetup(await app.openMethod(id));
      expect(await waitForState(setup, ['unsupported', 'idle'])).toBe('unsupported');
      await expect(setup.innerText()).resolves.toContain('This browser does not support passkeys');
      await expect(setup.getByRole('button').count()).resolves.toBe(0);
      await setup.getByRole('link', { name: 'Password' }).click();
    }
    // The fallback leads to a password backup that works.
    expect(await app.backUpWithPassword('fallback password please')).toBe('success');
  });
});

describe("passkey backups through Portal's own window (emulator)", () => {
  /** Clicks, attaches an authenticator to the passkey window it opens, and continues there. */
  async function throughPasskeyWindow(
    app: Playground,
    passkeys: PasskeyWallet,
    click: () => Promise<void>,
    options: VirtualAuthenticatorOptions = {},
  ) {
    const opened = app.context.waitForEvent('page');
    await click();
    const popup = await opened;
    await passkeys.attachTo(popup, options);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Continue with passkey' }).click();
    // The window closes itself once Portal has the result; a user's next click opens a new one.
    await closed;
  }

  test('back up, lose the device, recover by passkey to the same address', async () => {
    const app = await stack.open();
    const passkeys = new PasskeyWallet();
    const address = await app.createWallet();
    const panel = await app.openMethod('passkey-sdk');
    const setup = app.passkeySetup(panel);
    await waitForState(setup, ['idle']);

    await throughPasskeyWindow(app, passkeys, () =>
      setup.getByRole('button', { name: "Back up with a passkey in Portal's window" }).click(),
    );
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('success');
    expect(passkeys.count).toBe(1);
    expect((await stack.server.userShare(app.userId, 'PASSKEY')).status).toBe(200);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: true, backupMethod: 'PASSKEY' }]);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSKEY']);
    expect(client(stack.emulator, app.apiKey).passkey).toMatchObject({ rpId: 'localhost' });
    await expect.poll(() => app.backedUpMethods()).toEqual(['PASSKEY']);

    await app.loseDevice();
    await app.chooseRecoveryMethod("Passkey (Portal's window)");
    await throughPasskeyWindow(app, passkeys, () =>
      app.recover.getByRole('button', { name: 'Recover with passkey' }).click(),
    );
    expect(await app.recoveryOutcome()).toBe('success');
    expect(await app.address()).toBe(address);
  });

  test('a refused user verification in the window is a cancelled backup; Portal keeps nothing and the retry works', async () => {
    const app = await stack.open();
    const passkeys = new PasskeyWallet();
    await app.createWallet();
    const setup = app.passkeySetup(await app.openMethod('passkey-sdk'));
    await waitForState(setup, ['idle']);

    await throughPasskeyWindow(
      app,
      passkeys,
      () => setup.getByRole('button', { name: "Back up with a passkey in Portal's window" }).click(),
      { isUserVerified: false },
    );
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('cancelled');
    await expect(setup.innerText()).resolves.toContain('The passkey prompt was cancelled or timed out');
    expect((await stack.server.userShare(app.userId, 'PASSKEY')).status).toBe(404);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([]);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual([]);
    expect(client(stack.emulator, app.apiKey).passkey).toBeNull();

    await throughPasskeyWindow(app, passkeys, () => setup.getByRole('button', { name: 'Try again' }).click());
    expect(await waitForNewState(setup, 'cancelled', ['success', 'error', 'cancelled'])).toBe('success');
    expect((await stack.server.userShare(app.userId, 'PASSKEY')).status).toBe(200);
    expect(storedVerdicts(stack.emulator, app.apiKey)).toEqual([{ success: true, backupMethod: 'PASSKEY' }]);
  });
});
