import { afterEach, describe, expect, it } from 'vitest';
import { createFakePortal } from '../testing/index.js';
import { createPortal } from './create-portal.js';

const rpcConfig = { 'eip155:11155111': 'http://localhost:8545' };

/** createPortal refuses to run without a DOM; these tests give it a minimal one. */
function withBrowserGlobals() {
  Object.assign(globalThis, { window: globalThis, document: {} });
}
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  delete (globalThis as { document?: unknown }).document;
});

describe('createPortal', () => {
  it('refuses to run on a server, before loading the SDK', async () => {
    let loaded = false;
    const loadSdk = async () => {
      loaded = true;
      throw new Error('should not load');
    };
    await expect(createPortal({ rpcConfig, loadSdk })).rejects.toMatchObject({ code: 'SSR_UNSUPPORTED' });
    expect(loaded).toBe(false);
  });

  it('reports SDK_NOT_INSTALLED when the SDK cannot be imported', async () => {
    withBrowserGlobals();
    const loadSdk = () => Promise.reject(new Error("Cannot find module '@portal-hq/web'"));
    await expect(createPortal({ rpcConfig, loadSdk })).rejects.toMatchObject({
      code: 'SDK_NOT_INSTALLED',
      retryable: false,
    });
  });

  it('passes only the SDK options to new Portal() and resolves once ready', async () => {
    withBrowserGlobals();
    const received: unknown[] = [];
    const fake = createFakePortal({ ready: { afterMs: 10 } });
    class FakeSdkPortal {
      constructor(options: unknown) {
        received.push(options);
        return fake;
      }
    }
    const portal = await createPortal({
      rpcConfig,
      host: 'localhost:9999',
      apiKey: 'k',
      readyTimeoutMs: 1000,
      loadSdk: async () => ({ default: FakeSdkPortal }),
    });

    expect(portal).toBe(fake);
    expect(fake.ready).toBe(true);
    expect(received).toEqual([{ rpcConfig, host: 'localhost:9999', apiKey: 'k' }]);
  });

  it('rejects with PORTAL_NOT_READY after the time limit', async () => {
    withBrowserGlobals();
    const fake = createFakePortal({ ready: 'never' });
    const loadSdk = async () => ({
      default: class {
        constructor() {
          return fake;
        }
      },
    });
    await expect(createPortal({ rpcConfig, readyTimeoutMs: 30, loadSdk })).rejects.toMatchObject({
      code: 'PORTAL_NOT_READY',
    });
  });

  it('rejects with PORTAL_INIT_FAILED when Portal reports an initialization error', async () => {
    withBrowserGlobals();
    const fake = createFakePortal({ ready: { failWith: { code: 202, message: 'Invalid API key' } } });
    const loadSdk = async () => ({
      default: class {
        constructor() {
          return fake;
        }
      },
    });
    await expect(createPortal({ rpcConfig, loadSdk })).rejects.toMatchObject({
      code: 'PORTAL_INIT_FAILED',
      portalCode: 202,
    });
  });

  it("names Portal's hidden iframe and takes it out of the tab order, before Portal is ready", async () => {
    withBrowserGlobals();
    const iframe = { title: '', tabIndex: 0 };
    const fake = Object.assign(createFakePortal({ ready: 'never' }), { mpc: { iframe } });
    const loadSdk = async () => ({
      default: class {
        constructor() {
          return fake;
        }
      },
    });
    const starting = createPortal({ rpcConfig, readyTimeoutMs: 30, loadSdk });
    await expect(starting).rejects.toMatchObject({ code: 'PORTAL_NOT_READY' });
    expect(iframe).toEqual({ title: 'Portal wallet connection (no visible content)', tabIndex: -1 });
  });

  it('keeps a title the SDK already gave its iframe', async () => {
    withBrowserGlobals();
    const iframe = { title: 'Wallet', tabIndex: 0 };
    const fake = Object.assign(createFakePortal(), { mpc: { iframe } });
    const loadSdk = async () => ({
      default: class {
        constructor() {
          return fake;
        }
      },
    });
    await createPortal({ rpcConfig, loadSdk });
    expect(iframe.title).toBe('Wallet');
  });
});
