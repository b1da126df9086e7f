import { describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/fake-portal.js';
import { createRecoveryFlow } from './lazy-recovery-flow.js';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../passkey/direct/direct-path-kit.js', () => ({
  loadDirectPath: () => {
    loads.count += 1;
    return new Promise(() => {});
  },
}));

const passkey = { customDomain: 'https://keys.example.com', relyingPartyId: 'example.com', relyingPartyName: 'Ex' };

describe('recovery flow, direct passkey path', () => {
  it('starts loading the direct path when passkey options are given, before any recovery', async () => {
    loads.count = 0;
    const flow = createRecoveryFlow(createFakePortal(), { passkey, pageOrigin: 'https://app.example.com' });
    // As soon as the recovery's own chunk is in, while it still lists nothing.
    await vi.waitFor(() => expect(loads.count).toBeGreaterThan(0));
    expect(flow.getSnapshot().state).toBe('loading');
  });

  it('loads nothing of the direct path without passkey options', async () => {
    loads.count = 0;
    const flow = createRecoveryFlow(createFakePortal(), {});
    await flow.refresh();
    expect(flow.getSnapshot().state).toBe('idle');
    expect(loads.count).toBe(0);
  });
});
