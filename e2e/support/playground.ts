import type { BrowserContext, Locator, Page, Request } from 'playwright-core';
import type { Stack } from './stack.js';

export interface OpenOptions {
  /** Overrides of the playground's query (portalHost, serverUrl, vaultUrl, rpId, readyTimeoutMs...). */
  query?: Record<string, string>;
  /** A context set up beforehand (virtual authenticator, init scripts); default: a new one. */
  context?: BrowserContext;
  /** Runs in the page before its own scripts. */
  initScript?: () => void;
  /** Prepares the page before it loads (e.g. attaches a virtual authenticator to it). */
  setUp?: (page: Page) => Promise<unknown>;
}

/** Waits for an element whose data-state is one of `states`. */
export async function waitForState(root: Locator, states: string[], timeout = 45_000): Promise<string> {
  const selector = states.map((state) => `[data-state="${state}"]`).join(',');
  await root.and(root.page().locator(selector)).waitFor({ state: 'attached', timeout });
  return (await root.getAttribute('data-state')) ?? '';
}

/**
 * Like waitForState, for a state reached after an action: a root still showing `before` (say
 * "cancelled" right after "Try again" was clicked) is not an answer yet, so this first waits for
 * the root to leave it.
 */
export async function waitForNewState(root: Locator, before: string | null, states: string[], timeout = 45_000) {
  if (before)
    await root.and(root.page().locator(`:not([data-state="${before}"])`)).waitFor({ state: 'attached', timeout });
  return waitForState(root, states, timeout);
}

/**
 * The playground as a user sees it: one page in its own browser context (a fresh
 * localStorage, so a new user), pointed at this file's emulator, server and vault.
 */
export class Playground {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly userId: string,
  ) {}

  static async open(stack: Stack, options: OpenOptions = {}): Promise<Playground> {
    const context = options.context ?? (await stack.browser.newContext());
    const page = await context.newPage();
    if (options.initScript) await page.addInitScript(options.initScript);
    await options.setUp?.(page);
    const query = new URLSearchParams({
      portalHost: stack.emulator.host,
      serverUrl: stack.server.url,
      vaultUrl: stack.server.url,
      ...options.query,
    });
    await page.goto(`${stack.origin}/?${query}`);
    const userId = (await page.getByTestId('user-id').textContent()) ?? '';
    return new Playground(page, context, userId);
  }

  /** The emulator knows the user by this Portal apiKey. */
  get apiKey(): string {
    return `playground-${this.userId}`;
  }

  get wallet(): Locator {
    return this.page.locator('section[data-section="wallet"]');
  }

  /** The kit's WalletGate that routes the wallet card (data-state: no-wallet, backup, on-device, not-on-device…). */
  get gate(): Locator {
    return this.wallet.locator('[data-scope="wallet-gate"][data-part="root"]');
  }

  walletState(states: string[], timeout?: number): Promise<string> {
    return waitForState(this.wallet, states, timeout);
  }

  async address(): Promise<string> {
    return (await this.page.getByTestId('wallet-address').textContent()) ?? '';
  }

  async createWallet(): Promise<string> {
    await this.walletState(['none']);
    await this.wallet.getByRole('button', { name: 'Create a wallet' }).click();
    await this.walletState(['on-device']);
    return this.address();
  }

  /** The dialog "Lose this device" opens to ask first. */
  get loseDeviceDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Lose this device/ });
  }

  /** Opens the dialog and waits until it knows whether the wallet is backed up. */
  async askToLoseDevice(): Promise<string> {
    await this.wallet.getByRole('button', { name: 'Lose this device' }).click();
    return waitForState(this.loseDeviceDialog, ['some', 'none', 'unknown'], 15_000);
  }

  /**
   * "Lose this device", confirmed in its dialog, which must say what is expected: by default that
   * the wallet is backed up ('some'), or 'none' (the loss cannot be undone).
   */
  async loseDevice(expected: 'some' | 'none' = 'some'): Promise<void> {
    const said = await this.askToLoseDevice();
    if (said !== expected) throw new Error(`The lose-device dialog says backups: ${said}, not ${expected}`);
    await this.loseDeviceDialog.getByRole('button', { name: /^Lose/ }).click();
    await this.walletState(['lost']);
  }

  /** Opens a backup method's panel (a <details>) when it is closed. */
  async openMethod(id: 'password' | 'passkey-direct' | 'passkey-sdk' | 'gdrive'): Promise<Locator> {
    const panel = this.page.locator(`details[data-method-panel="${id}"]`);
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
    return panel;
  }

  /**
   * Waits for the password form's strength check, which loads on the form's first use: until it
   * is here, no password counts as strong enough.
   */
  async strengthChecked(): Promise<void> {
    await this.page.locator('#method-password[data-strength-check="ready"]').waitFor({ timeout: 30_000 });
  }

  get passwordBackup(): Locator {
    return this.page.locator('[data-scope="password-backup"][data-part="root"]');
  }

  /** Fills the password form and submits it; resolves with the form's final state. */
  async backUpWithPassword(password: string): Promise<string> {
    await this.openMethod('password');
    const form = this.passwordBackup;
    await form.getByLabel('Backup password').fill(password);
    await this.strengthChecked();
    await form.getByLabel('Confirm password').fill(password);
    await form.getByRole('checkbox', { name: /cannot be recovered/ }).check();
    await form.getByRole('button', { name: 'Back up wallet' }).click();
    return waitForState(form, ['success', 'error']);
  }

  /** Every request the page makes from now on (URLs only). */
  recordRequests(): string[] {
    const urls: string[] = [];
    this.page.on('request', (request: Request) => void urls.push(request.url()));
    return urls;
  }

  passkeySetup(panel: Locator): Locator {
    return panel.locator('[data-scope="passkey-setup"][data-part="root"]');
  }

  get status(): Locator {
    return this.page.locator('section[data-section="status"]');
  }

  /** The methods the BackupStatus component lists as backed up. */
  backedUpMethods(): Promise<string[]> {
    return this.status
      .locator('[data-scope="backup-status"][data-part="item"][data-backed-up]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-method') ?? ''));
  }

  get recover(): Locator {
    return this.page.locator('section[data-section="recover"] [data-scope="recover-wallet"][data-part="root"]');
  }

  /** Picks a method in the recovery form when there is a choice (one method needs none). */
  async chooseRecoveryMethod(name: string | RegExp): Promise<void> {
    const recover = this.recover;
    await waitForState(recover, ['idle', 'wrong-password', 'error']);
    const radio = recover.getByRole('radio', { name });
    if ((await radio.count()) > 0) await radio.check();
  }

  async recoverWithPassword(password: string): Promise<string> {
    await this.chooseRecoveryMethod('Password');
    await this.recover.getByLabel('Backup password').fill(password);
    const before = await this.recover.getAttribute('data-state');
    await this.recover.locator('[data-part="submit"]').click();
    return this.recoveryOutcome(before);
  }

  /** Recovers with a method that needs no password (a passkey, Google Drive). */
  async recoverWith(method: string | RegExp): Promise<string> {
    await this.chooseRecoveryMethod(method);
    const before = await this.recover.getAttribute('data-state');
    await this.recover.locator('[data-part="submit"]').click();
    return this.recoveryOutcome(before);
  }

  /** The recovery's final state; after a success, also waits until the wallet is back on this device. */
  async recoveryOutcome(before: string | null = null): Promise<string> {
    const state = await waitForNewState(this.recover, before, ['success', 'wrong-password', 'error']);
    if (state === 'success') await this.walletState(['on-device']);
    return state;
  }
}
