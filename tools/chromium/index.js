import { existsSync } from 'node:fs';

/** Debian's Chromium: test tools cannot download their own browser on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and quiet: without the network flags Chromium keeps calling Google's hosts. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch options for Playwright (playwright-core's chromium.launch, or @vitest/browser-playwright).
 * `popupBlocker: true` keeps the blocker a user's Chromium has (Playwright turns it off by
 * default): Portal's passkey window must be opened inside the click.
 */
export function chromiumLaunchOptions({ popupBlocker = false } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's chromium (scripts/setup.sh does) or set CHROMIUM_PATH`,
    );
  }
  return {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
    ...(popupBlocker && { ignoreDefaultArgs: ['--disable-popup-blocking'] }),
  };
}

export { addVirtualAuthenticator } from './virtual-authenticator.js';
