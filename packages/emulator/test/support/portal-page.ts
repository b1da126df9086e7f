import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningEmulator } from '../../src/index.js';
import type { PasskeyConfigUnderTest } from './sdk-page-globals.js';

export const freshApiKey = (): string => `test-api-key-${randomUUID()}`;

export interface PortalPage {
  page: Page;
  context: BrowserContext;
  apiKey: string;
  /** Errors thrown in the page, for failure messages. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface OpenPortalOptions {
  apiKey?: string;
  gdrive?: boolean;
  /** `new Portal({ passkey })`, forwarded in portal:configure. */
  passkey?: PasskeyConfigUnderTest;
  /** Wait (bounded) for onReady; off for tests about initialization. */
  waitForReady?: boolean;
}

/**
 * A fresh browser context (fresh localStorage) on the SDK test page, with
 * `window.portal = new Portal({ host: emulator.host, apiKey, rpcConfig })` built by the real SDK.
 */
export async function openPortalPage(
  browser: Browser,
  pageOrigin: string,
  emulator: RunningEmulator,
  options: OpenPortalOptions = {},
): Promise<PortalPage> {
  const apiKey = options.apiKey ?? freshApiKey();
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${pageOrigin}/`);
  await page.waitForFunction(() => window.sdk !== undefined);
  await page.evaluate(
    ({ host, apiKey: key, gdrive, passkey }) => {
      window.initializationErrors = [];
      window.portal = new window.sdk.Portal({
        host,
        apiKey: key,
        rpcConfig: { 'eip155:11155111': 'http://localhost:9/never-called' },
        ...(gdrive ? { gdrive: { clientId: 'test-google-client-id' } } : {}),
        ...(passkey ? { passkey } : {}),
      });
      window.portal.onInitializationError((reason) => window.initializationErrors.push(reason));
    },
    { host: emulator.host, apiKey, gdrive: options.gdrive ?? false, passkey: options.passkey },
  );
  const portalPage = { page, context, apiKey, pageErrors, close: () => context.close() };
  if (options.waitForReady ?? true) {
    const outcome = await waitForReady(page, 10_000);
    if (outcome !== 'ready')
      throw new Error(`Portal did not become ready (${outcome}); page errors: ${pageErrors.join('; ') || 'none'}`);
  }
  return portalPage;
}

/** Resolves 'ready' once onReady fires, or 'timed out' after `ms`: the SDK itself never times out. */
export function waitForReady(page: Page, ms: number): Promise<'ready' | 'timed out'> {
  return page.evaluate(
    (limit) =>
      new Promise<'ready' | 'timed out'>((resolve) => {
        const timer = setTimeout(() => resolve('timed out'), limit);
        window.portal.onReady(() => {
          clearTimeout(timer);
          resolve('ready');
        });
      }),
    ms,
  );
}
