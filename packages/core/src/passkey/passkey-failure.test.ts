import { describe, expect, it } from 'vitest';
import { toBackupKitError } from '../errors.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import { createRecoveryFlow } from '../recovery/lazy-recovery-flow.js';
import { explainPasskeyFailure } from './passkey-failure.js';
import { createPasskeyFlow } from './eager-passkey-flow.js';
import type { DirectPasskeyPath } from './passkey-flow.js';

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};
const pageOrigin = 'https://app.example.com';
const supported = async () => true;
/** What Portal's passkey window (the emulator's) answers through the SDK: a PortalMpcError. */
const windowError = (code: string) => Object.assign(new Error(`The PASSKEY backup failed: ${code}`), { code });

describe("a passkey failure's reason", () => {
  it.each([
    ['PASSKEY_PRF_UNSUPPORTED', 'PASSKEY_FAILED', 'prf-unsupported', /PRF/],
    ['PASSKEY_POPUP_NOT_OPENED', 'PASSKEY_FAILED', 'window-not-opened', /window did not open/],
    ['PASSKEY_CANCELLED', 'PASSKEY_CANCELLED', 'cancelled', /cancelled/],
    ['PASSKEY_FAILED', 'PASSKEY_FAILED', 'failed', /could not be used/],
  ])(
    "Portal's window code %s becomes %s with reason %s and a message that says it",
    (portalCode, code, reason, message) => {
      const error = explainPasskeyFailure(toBackupKitError(windowError(portalCode), 'backing-up'), passkey);
      expect(error).toMatchObject({ code, reason, portalCode, stage: 'backing-up', retryable: true });
      expect(error.message).toMatch(message);
      // Our sentence, never the window's text.
      expect(error.message).not.toContain(portalCode);
    },
  );

  it("a relying party ID the browser refused (WebAuthn's SecurityError) is PASSKEY_OPTIONS_INVALID with the public-suffix issue", () => {
    const refused = new DOMException('This is an invalid domain.', 'SecurityError');
    const error = explainPasskeyFailure(toBackupKitError(refused, 'passkey', 'PASSKEY_FAILED'), {
      ...passkey,
      relyingPartyId: 'co.uk',
    });
    expect(error).toMatchObject({ code: 'PASSKEY_OPTIONS_INVALID', reason: 'relying-party-refused', retryable: false });
    expect(error.details).toEqual({
      issues: [
        {
          code: 'relying-party-id-public-suffix',
          field: 'relyingPartyId',
          message: expect.stringContaining('"co.uk"'),
        },
      ],
    });
    expect(error.message).toContain('public suffix');
  });

  it("the same refusal reported by Portal's window (PASSKEY_RP_ID_REFUSED) is the same typed issue", () => {
    const error = explainPasskeyFailure(toBackupKitError(windowError('PASSKEY_RP_ID_REFUSED'), 'backing-up'), passkey);
    expect(error).toMatchObject({ code: 'PASSKEY_OPTIONS_INVALID', reason: 'relying-party-refused' });
    expect((error.details as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toEqual([
      'relying-party-id-public-suffix',
    ]);
  });

  it("leaves other failures and the kit's own option check as they are", () => {
    const storage = toBackupKitError(new Error('HTTP 500'), 'storing', 'STORAGE_FAILED');
    expect(explainPasskeyFailure(storage, passkey)).toBe(storage);
  });

  it("reaches the passkey flow's snapshot and onError (SDK path), the same object", async () => {
    const portal = createFakePortal({ failures: { backupWallet: { throw: windowError('PASSKEY_PRF_UNSUPPORTED') } } });
    const errors: unknown[] = [];
    const flow = createPasskeyFlow(portal, {
      passkey,
      pageOrigin,
      isSupported: supported,
      onError: (e) => errors.push(e),
    });
    const final = await flow.start();
    expect(final).toMatchObject({ state: 'error', error: { code: 'PASSKEY_FAILED', reason: 'prf-unsupported' } });
    expect(errors).toEqual([final.state === 'error' && final.error]);
    expect(errors[0]).toBe(final.state === 'error' && final.error);
  });

  it('reaches the passkey flow on the direct path when the browser refuses the RP ID at registration', async () => {
    const driver: DirectPasskeyPath = {
      register: async () => {
        throw Object.assign(new Error('The RP ID "co.uk" is invalid for this domain'), { name: 'SecurityError' });
      },
      backUp: async () => ({ cipherText: 'x' }),
    };
    const flow = createPasskeyFlow(createFakePortal(), {
      passkey: { ...passkey, usePopup: false },
      pageOrigin,
      storage: memoryStorage(),
      isSupported: supported,
      loadDirectPath: async () => driver,
    });
    const final = await flow.start();
    expect(final).toMatchObject({
      state: 'error',
      error: {
        code: 'PASSKEY_OPTIONS_INVALID',
        reason: 'relying-party-refused',
        details: { issues: [{ code: 'relying-party-id-public-suffix' }] },
      },
    });
  });

  it("reaches a PASSKEY recovery's error", async () => {
    const portal = createFakePortal({
      wallet: { backedUpWith: ['PASSKEY'] },
      failures: { recoverWallet: { throw: windowError('PASSKEY_PRF_UNSUPPORTED') } },
    });
    const flow = createRecoveryFlow(portal, { passkey, pageOrigin });
    const final = await flow.recover({ method: 'PASSKEY' });
    expect(final).toMatchObject({ state: 'error', error: { code: 'PASSKEY_FAILED', reason: 'prf-unsupported' } });
  });
});
