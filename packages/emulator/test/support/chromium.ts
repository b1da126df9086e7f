import { chromiumLaunchOptions } from '@backup-kit/chromium';
import { chromium, type Browser } from 'playwright-core';

export { CHROMIUM_PATH } from '@backup-kit/chromium';

/** The popup blocker stays on, as in a user's Chromium: the passkey tests need it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions({ popupBlocker: true }));
}
