import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/index.js';

/**
 * createPortal's work (and the passkey config it builds) loads with import(), as the SDK does.
 * A chunk that did not arrive is a retryable PORTAL_NOT_READY, not a final SDK_NOT_INSTALLED.
 */

const rpcConfig = { 'eip155:11155111': 'http://localhost:8545' };
const passkeyOptions = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};

function withBrowserGlobals() {
  Object.assign(globalThis, { window: globalThis, document: {}, location: { origin: 'https://wallet.example.com' } });
}
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  delete (globalThis as { document?: unknown }).document;
  delete (globalThis as { location?: unknown }).location;
  vi.doUnmock('./start-portal.js');
  vi.resetModules();
});

/** An SDK module whose Portal records the options it was made with. */
function recordingSdk() {
  const received: unknown[] = [];
  const fake = createFakePortal();
  const loadSdk = async () => ({
    default: class {
      constructor(options: unknown) {
        received.push(options);
        return fake;
      }
    },
  });
  return { loadSdk, received };
}

describe('createPortal, loaded lazily', () => {
  it("builds Portal's passkey config from the seed's passkey options", async () => {
    withBrowserGlobals();
    const { createPortal } = await import('./create-portal.js');
    const { loadSdk, received } = recordingSdk();

    await createPortal({ rpcConfig, loadSdk, passkeyOptions });

    expect(received).toEqual([
      {
        rpcConfig,
        passkey: {
          relyingParty: 'example.com',
          relyingPartyOrigins: ['https://wallet.example.com'],
          webAuthnHost: 'passkeys.example.com',
        },
      },
    ]);
  });

  it('keeps a passkey config given itself, and leaves out options that do not parse', async () => {
    withBrowserGlobals();
    const { createPortal } = await import('./create-portal.js');
    const own = { relyingParty: 'own.example', relyingPartyOrigins: ['https://own.example'] as [string] };
    const { loadSdk, received } = recordingSdk();

    await createPortal({ rpcConfig, loadSdk, passkeyOptions, passkey: own });
    await createPortal({ rpcConfig, loadSdk, passkeyOptions: { ...passkeyOptions, customDomain: 'not a url' } });

    expect(received).toEqual([{ rpcConfig, passkey: own }, { rpcConfig }]);
  });

  it('turns a chunk that did not arrive into a retryable PORTAL_NOT_READY, and loads nothing else', async () => {
    withBrowserGlobals();
    vi.doMock('./start-portal.js', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { createPortal } = await import('./create-portal.js');
    const { loadSdk, received } = recordingSdk();

    await expect(createPortal({ rpcConfig, loadSdk })).rejects.toMatchObject({
      code: 'PORTAL_NOT_READY',
      stage: 'initializing',
      retryable: true,
    });
    expect(received).toEqual([]);
  });
});
