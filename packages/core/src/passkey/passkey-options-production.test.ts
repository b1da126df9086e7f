import { afterEach, describe, expect, it, vi } from 'vitest';

// Counts the loads of the Public Suffix List: a production build must never ask for it.
const tldtsLoaded = vi.hoisted(() => ({ count: 0 }));
vi.mock('tldts', async (importOriginal) => {
  tldtsLoaded.count += 1;
  return importOriginal();
});

const publicSuffix = { customDomain: 'https://keys.co.uk', relyingPartyId: 'co.uk', relyingPartyName: 'Shop' };

describe('the public-suffix check runs in development builds only', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    tldtsLoaded.count = 0;
  });

  it('in production (NODE_ENV=production) it loads no public-suffix list and leaves the refusal to the browser', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const { validatePasskeyOptions } = await import('./passkey-options.js');
    expect(await validatePasskeyOptions(publicSuffix, 'https://shop.co.uk')).toEqual({ valid: true, issues: [] });
    // The cheap checks still run.
    const check = await validatePasskeyOptions(
      { ...publicSuffix, customDomain: 'http://keys.co.uk' },
      'https://shop.co.uk',
    );
    expect(check.issues.map((issue) => issue.code)).toEqual(['custom-domain-insecure']);
    expect(tldtsLoaded.count).toBe(0);
  });

  it('in development it reports the public suffix before any ceremony', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const { validatePasskeyOptions } = await import('./passkey-options.js');
    const check = await validatePasskeyOptions(publicSuffix, 'https://shop.co.uk');
    expect(check.issues.map((issue) => issue.code)).toEqual(['relying-party-id-public-suffix']);
  });
});
