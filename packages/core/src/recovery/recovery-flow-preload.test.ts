import { describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/fake-portal.js';
import { createRecoveryFlow } from './recovery-flow.js';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../passkey/direct/direct-path-kit.js', () => ({
  loadDirectPath: () => {
    loads.count += 1;
    return new Promise(() => {});
  },
}));

const passkey = { customDomain: 'https://keys.example.com', relyingPartyId: 'example.com', relyingPartyName: 'Ex' };

describe('recovery flow, direct passkey path', () => {
  it('starts loading the direct path when passkey options are given, before any recovery', () => {
    loads.count = 0;
    createRecoveryFlow(createFakePortal(), { passkey, pageOrigin: 'https://app.example.com' });
    expect(loads.count).toBeGreaterThan(0);
  });

  it('loads nothing of the direct path without passkey options', () => {
    loads.count = 0;
    createRecoveryFlow(createFakePortal(), {});
    expect(loads.count).toBe(0);
  });
});
