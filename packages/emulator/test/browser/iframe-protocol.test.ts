import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { NOT_EMULATED_REQUEST_TYPES } from '../../src/protocol/sdk-message-types.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { messagesFrom, silentLogger } from '../support/emulator-state.js';
import { freshApiKey } from '../support/portal-page.js';

interface Received {
  type: string;
  data: unknown;
}

declare global {
  interface Window {
    /** Every message the emulator's iframe posted to the test page. */
    received: Received[];
  }
}

/**
 * The iframe protocol spoken by hand, without the SDK: what the emulator sends and when,
 * which the SDK's timing can hide (Chromium happens to deliver an early portal:ready after the
 * SDK's load handler, so the SDK alone would not notice one sent before configure).
 */
describe('the emulator iframe, spoken to by hand', () => {
  const suite = useBrowserSuite();
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ logger: silentLogger });
  });
  afterAll(() => emulator?.stop());

  /** Loads the iframe like the SDK does and records every message it posts to the page. */
  async function openIframe(parentOrigin: string): Promise<Page> {
    const page = await (await suite.browser.newContext()).newPage();
    await page.goto(`${suite.pageServer.origin}/`);
    await page.evaluate(
      (src) =>
        new Promise<void>((resolve) => {
          const received: Received[] = [];
          window.received = received;
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
  const received = (target: Page) => target.evaluate(() => window.received.slice());
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends portal:ready only after portal:configure, then answers portal:address', async () => {
    const target = await openIframe(suite.pageServer.origin);
    await settle(300);
    expect(await received(target)).toEqual([]);
    await send(target, 'portal:configure', { apiKey: freshApiKey(), host: emulator.host });
    await target.waitForFunction(() => window.received.length > 0);
    expect(await received(target)).toEqual([{ type: 'portal:ready', data: true }]);
    await send(target, 'portal:address', {});
    await target.waitForFunction(() => window.received.length > 1);
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
    const target = await openIframe(suite.pageServer.origin);
    await send(target, 'portal:configure', { apiKey: freshApiKey(), host: emulator.host });
    const unsupported = NOT_EMULATED_REQUEST_TYPES;
    for (const type of unsupported) await send(target, type, type === 'portal:wasm:formatShares' ? 'raw shares' : {});
    await target.waitForFunction((count) => window.received.length > count, unsupported.length);
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
