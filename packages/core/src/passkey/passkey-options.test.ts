import { describe, expect, it } from 'vitest';
import { toPortalPasskeyConfig, validatePasskeyOptions } from './passkey-options.js';

const valid = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example Wallet',
  usePopup: false,
};
const codes = async (options: object, page = 'https://app.example.com') =>
  (await validatePasskeyOptions(options, page)).issues.map((i) => i.code);

describe('validatePasskeyOptions', () => {
  it('accepts the seed example on a page under the same root domain', async () => {
    expect(await validatePasskeyOptions(valid, 'https://app.example.com')).toEqual({ valid: true, issues: [] });
  });

  it('accepts localhost for local development over http', async () => {
    const local = { customDomain: 'http://localhost:8787', relyingPartyId: 'localhost', relyingPartyName: 'Dev' };
    expect((await validatePasskeyOptions(local, 'http://localhost:5173')).valid).toBe(true);
  });

  it('refuses an http custom domain that is not localhost', async () => {
    expect(await codes({ ...valid, customDomain: 'http://passkeys.example.com' })).toEqual(['custom-domain-insecure']);
  });

  it('refuses a custom domain with a path or query', async () => {
    expect(await codes({ ...valid, customDomain: 'https://passkeys.example.com/webauthn?x=1' })).toEqual([
      'custom-domain-has-path',
    ]);
  });

  it('refuses a relying party that is not a suffix of the page host', async () => {
    expect(await codes(valid, 'https://app.other.com')).toEqual(['relying-party-id-not-suffix-of-page']);
  });

  it('refuses a relying party that only looks like a suffix (notexample.com)', async () => {
    expect(await codes(valid, 'https://notexample.com')).toEqual(['relying-party-id-not-suffix-of-page']);
  });

  it('refuses a relying party that does not cover the custom domain', async () => {
    expect(await codes({ ...valid, customDomain: 'https://passkeys.elsewhere.com' })).toEqual([
      'relying-party-id-not-suffix-of-custom-domain',
    ]);
  });

  it('refuses public suffixes, including private ones such as github.io', async () => {
    expect(
      await codes({ ...valid, customDomain: 'https://keys.co.uk', relyingPartyId: 'co.uk' }, 'https://shop.co.uk'),
    ).toEqual(['relying-party-id-public-suffix']);
    expect(
      await codes(
        { ...valid, customDomain: 'https://a.github.io', relyingPartyId: 'github.io' },
        'https://a.github.io',
      ),
    ).toEqual(['relying-party-id-public-suffix']);
  });

  it('refuses IP addresses', async () => {
    expect(
      await codes({ ...valid, customDomain: 'https://10.0.0.1', relyingPartyId: '10.0.0.1' }, 'https://10.0.0.1'),
    ).toEqual(['relying-party-id-ip-address']);
    expect((await codes({ ...valid, relyingPartyId: '[::1]' })).includes('relying-party-id-ip-address')).toBe(true);
  });

  it('refuses an RP ID with a scheme or port', async () => {
    expect(await codes({ ...valid, relyingPartyId: 'https://example.com' })).toEqual(['relying-party-id-invalid']);
  });

  it('reports every missing field and an insecure page at once', async () => {
    expect(await codes({}, 'http://app.example.com')).toEqual([
      'page-origin-insecure',
      'custom-domain-invalid',
      'relying-party-id-missing',
      'relying-party-name-missing',
    ]);
  });
});

describe('toPortalPasskeyConfig', () => {
  it("maps the seed's options onto 3.4.1's relyingParty, relyingPartyOrigins and webAuthnHost", () => {
    expect(toPortalPasskeyConfig(valid, 'https://app.example.com/onboarding')).toEqual({
      relyingParty: 'example.com',
      relyingPartyOrigins: ['https://app.example.com'],
      webAuthnHost: 'passkeys.example.com',
    });
  });
});
