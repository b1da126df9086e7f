import { describe, expect, it, vi } from 'vitest';
import { createPasskeyFlow } from '../index.js';
import { createFakePortal } from '../testing/index.js';

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};
const pageOrigin = 'https://app.example.com';

describe("the package's createPasskeyFlow (its code a lazy chunk)", () => {
  it('names no path while its code loads (checking), then the one a start takes', async () => {
    const flow = createPasskeyFlow(createFakePortal(), { passkey: { ...passkey, usePopup: false }, pageOrigin });
    expect(flow.getSnapshot()).toEqual({ state: 'checking' });
    expect(flow.resolvePath()).toBeUndefined();
    await vi.waitFor(() => expect(flow.resolvePath()).toBe('direct'));
    const seed = createPasskeyFlow(createFakePortal({ seedPasskeyApi: true }), { passkey, pageOrigin });
    await vi.waitFor(() => expect(seed.resolvePath()).toBe('seed'));
    const sdk = createPasskeyFlow(createFakePortal(), { passkey, pageOrigin });
    await vi.waitFor(() => expect(sdk.resolvePath()).toBe('sdk'));
  });

  it('a start before the code arrived waits for it, then runs the flow', async () => {
    const portal = createFakePortal();
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, isSupported: async () => true });
    expect(await flow.start()).toEqual({ state: 'success', method: 'PASSKEY', storage: 'portal' });
    expect(portal.count('backupWallet')).toBe(1);
  });
});
