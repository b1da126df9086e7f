import { BackupKitError } from '../errors.js';
import { coreKit } from '../internal/core-kit.js';
import type { CallOptions } from './portal-facade.js';
import type { PortalLike } from './portal-like.js';

/**
 * Resolves once a Portal you made yourself is ready, with the facade's time limit and signal, and
 * rejects with PORTAL_NOT_READY or PORTAL_INIT_FAILED as every kit call would (the provider waits
 * with it). The facade's code loads first: it is a lazy chunk, shared with the flows.
 */
export function whenPortalReady(portal: PortalLike, options?: CallOptions): Promise<void> {
  coreKit.watchPortal(portal);
  return import('./portal-facade.js').then(
    ({ getPortalFacade }) => getPortalFacade(portal, coreKit).whenReady(options),
    // The kit's own chunk did not arrive (a network failure): worth another try.
    (cause: unknown) => Promise.reject(new BackupKitError('PORTAL_NOT_READY', { stage: 'initializing', cause })),
  );
}
