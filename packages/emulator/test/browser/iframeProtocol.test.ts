import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { SDK_REQUEST_TYPES, SUPPORTED_REQUEST_TYPES } from '../../src/protocol/sdkMessageTypes.js';
import { launchChromium } from '../support/chromium.js';
import { messagesFrom, silentLogger } from '../support/emulatorState.js';
import { freshApiKey } from '../support/portalPage.js';
import { startSdkPageServer, type SdkPageServer } from '../support/sdkPageServer.js';

interface Received {
  type: string;
  data: unknown;
}

/**
 * The iframe protocol spoken by hand, without the SDK: what the emulator sends and when,
 * which the SDK's timing can hide (Chromium happens to deliver an early portal:ready after the
 * SDK's load handler, so the SDK alone would not notice one sent before configure).
 */
describe('the emulator iframe, spoken to by hand', () => {
  let browser: Browser;
  let emulator: RunningEmulator;
  let pageServer: SdkPageServer;
  let page: Page | undefined;

  beforeAll(async () => {
    [browser, emulator, pageServer] = await Promise.all([
      launchChromium(),
      startEmulator({ logger: silentLogger }),
      startSdkPageServer(),
    ]);
  });
  afterEach(async () => {
    await page?.context().close();
    page = undefined;
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), emulator?.stop(), pageServer?.close()]);
  });

  /** Loads the iframe like the SDK does and records every message it posts to the page. */
  async function openIframe(parentOrigin: string): Promise<Page> {
    const context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${pageServer.origin}/`);
    await page.evaluate(
      (src) =>
        new Promise<void>((resolve) => {
          const received: Received[] = [];
          (window as unknown as { received: Received[] }).received = received;
          window.addEventListener('message', (event) => {
            if (event.origin === new URL(src).origin) received.push(event.data as Received);
          });
          const iframe = document.createElement('iframe');
          iframe.id = 'portal';
          iframe.addEventListener('load', () => resolve(), { once: true });
          iframe.src = src;
          document.body.appendChild(iframe);
        }),
      `${emulator.url}/3.4.1/iframe/index.html?parentOrigin=${parentOrigin}`,
    );
    return page;
  }

  const send = (target: Page, type: string, data: unknown) =>
    target.evaluate(
      ({ type: messageType, data: messageData, origin }) =>
        (document.getElementById('portal') as HTMLIFrameElement).contentWindow?.postMessage(
          { type: messageType, data: messageData },
          origin,
        ),
      { type, data, origin: emulator.url },
    );
  const received = (target: Page) =>
    target.evaluate(() => (window as unknown as { received: Received[] }).received.slice());
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends portal:ready only after portal:configure, then answers portal:address', async () => {
    const target = await openIframe(pageServer.origin);
    await settle(300);
    expect(await received(target)).toEqual([]);
    await send(target, 'portal:configure', { apiKey: freshApiKey(), host: emulator.host });
    await target.waitForFunction(() => (window as unknown as { received: Received[] }).received.length > 0);
    expect(await received(target)).toEqual([{ type: 'portal:ready', data: true }]);
    await send(target, 'portal:address', {});
    await target.waitForFunction(() => (window as unknown as { received: Received[] }).received.length > 1);
    expect((await received(target))[1]).toEqual({ type: 'portal:addressResult', data: '' });
  });

  it('ignores messages from any origin but parentOrigin', async () => {
    const apiKey = freshApiKey();
    const target = await openIframe('http://localhost:9');
    await send(target, 'portal:configure', { apiKey, host: emulator.host });
    await settle(300);
    expect(messagesFrom(emulator, apiKey)).toEqual([]);
  });

  it('answers every request type it does not emulate with its …Error type and code 501', async () => {
    const target = await openIframe(pageServer.origin);
    await send(target, 'portal:configure', { apiKey: freshApiKey(), host: emulator.host });
    const unsupported = SDK_REQUEST_TYPES.filter((type) => !SUPPORTED_REQUEST_TYPES.has(type));
    expect(unsupported).toHaveLength(17);
    for (const type of unsupported) await send(target, type, type === 'portal:wasm:formatShares' ? 'raw shares' : {});
    await target.waitForFunction(
      (count) => (window as unknown as { received: Received[] }).received.length > count,
      unsupported.length,
    );
    const errors = (await received(target)).slice(1);
    expect(errors.map((message) => message.type).sort()).toEqual(unsupported.map((type) => `${type}Error`).sort());
    for (const message of errors) {
      expect(message.data).toEqual({
        code: 501,
        message: expect.stringContaining('is not supported by the Backup Kit emulator'),
      });
    }
  });
});
