import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakePortal } from '../testing/index.js';

/**
 * whenPortalReady is the provider's wait for a Portal the app made: the facade's ready-wait, whose
 * code (portal-facade.ts) is a lazy chunk. configurePortalTimeouts sets the limits it and every
 * flow's facade then use.
 */

afterEach(() => {
  vi.doUnmock('./portal-facade.js');
  vi.resetModules();
});

describe('whenPortalReady', () => {
  it('resolves once Portal is ready', async () => {
    const { whenPortalReady } = await import('./when-portal-ready.js');
    const portal = createFakePortal({ ready: 'never' });
    let ready = false;
    const waiting = whenPortalReady(portal).then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);

    portal.becomeReady();
    await waiting;
    expect(ready).toBe(true);
  });

  it('gives up after the time limit set with configurePortalTimeouts, as PORTAL_NOT_READY', async () => {
    const { whenPortalReady } = await import('./when-portal-ready.js');
    const { configurePortalTimeouts } = await import('./portal-watch.js');
    const portal = createFakePortal({ ready: 'never' });
    configurePortalTimeouts(portal, { readyMs: 30 });
    // The first setting wins, as the first facade fixes its limits.
    configurePortalTimeouts(portal, { readyMs: 60_000 });

    await expect(whenPortalReady(portal)).rejects.toMatchObject({
      code: 'PORTAL_NOT_READY',
      stage: 'initializing',
      retryable: true,
    });
  });

  it("hears an initialization error that happens before the facade's code is in (PORTAL_INIT_FAILED, not a hang)", async () => {
    let loadFacade!: () => void;
    const facadeArrives = new Promise<void>((resolve) => (loadFacade = resolve));
    vi.doMock('./portal-facade.js', async (importOriginal) => {
      await facadeArrives;
      return importOriginal();
    });
    const { whenPortalReady } = await import('./when-portal-ready.js');
    const portal = createFakePortal({ ready: { failWith: { code: 202, message: 'Invalid API key' } } });

    const waiting = whenPortalReady(portal);
    // The SDK reports the failure once, while the facade's chunk is still on its way.
    await new Promise((resolve) => setTimeout(resolve, 20));
    loadFacade();

    await expect(waiting).rejects.toMatchObject({ code: 'PORTAL_INIT_FAILED', portalCode: 202, retryable: false });
  });

  it('a facade chunk that does not arrive is a retryable PORTAL_NOT_READY; the next wait loads it again', async () => {
    let failing = true;
    vi.doMock('./portal-facade.js', async (importOriginal) => {
      if (failing) throw new TypeError('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const { whenPortalReady } = await import('./when-portal-ready.js');
    const portal = createFakePortal();

    await expect(whenPortalReady(portal)).rejects.toMatchObject({ code: 'PORTAL_NOT_READY', retryable: true });
    failing = false;
    await expect(whenPortalReady(portal)).resolves.toBeUndefined();
  });
});
