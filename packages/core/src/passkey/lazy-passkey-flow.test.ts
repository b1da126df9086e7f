import { describe, expect, it } from 'vitest';
import { createPasskeyFlow } from '../index.js';
import { createFakePortal } from '../testing/index.js';

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};
const pageOrigin = 'https://app.example.com';

describe("the package's createPasskeyFlow (its code a lazy chunk)", () => {
  it('names the path at once, before its code arrived, with the same choice as the loaded flow', async () => {
    const flow = createPasskeyFlow(createFakePortal(), { passkey: { ...passkey, usePopup: false }, pageOrigin });
    expect(flow.getSnapshot()).toEqual({ state: 'checking' });
    expect(flow.resolvePath()).toBe('direct');
    expect(createPasskeyFlow(createFakePortal({ seedPasskeyApi: true }), { passkey, pageOrigin }).resolvePath()).toBe(
      'seed',
    );
    expect(createPasskeyFlow(createFakePortal(), { passkey, pageOrigin }).resolvePath()).toBe('sdk');
  });

  it('a start before the code arrived waits for it, then runs the flow', async () => {
    const portal = createFakePortal();
    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, isSupported: async () => true });
    expect(await flow.start()).toEqual({ state: 'success', method: 'PASSKEY', storage: 'portal' });
    expect(portal.count('backupWallet')).toBe(1);
  });
});
