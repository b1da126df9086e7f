import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { launchChromium } from './chromium.js';
import { openPortalPage, type OpenPortalOptions, type PortalPage } from './portal-page.js';
import { startSdkPageServer, type SdkPageServer } from './sdk-page-server.js';

export interface BrowserSuite {
  readonly browser: Browser;
  readonly pageServer: SdkPageServer;
  /** The SDK test page in a fresh browser context, with `window.portal` built against `emulator`. */
  openPortal(emulator: RunningEmulator, options?: OpenPortalOptions): Promise<PortalPage>;
}

/**
 * The hooks every browser suite needs: one Chromium and one SDK test page server per file,
 * and every browser context (fresh localStorage) closed after each test.
 */
export function useBrowserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  let pageServer: SdkPageServer | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    [browser, pageServer] = await Promise.all([launchChromium(), startSdkPageServer()]);
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), pageServer?.close()]);
  });

  return {
    get browser() {
      return started(browser, 'Chromium');
    },
    get pageServer() {
      return started(pageServer, 'The SDK test page server');
    },
    openPortal(emulator, options) {
      return openPortalPage(
        started(browser, 'Chromium'),
        started(pageServer, 'The SDK test page server').origin,
        emulator,
        options,
      );
    },
  };
}
