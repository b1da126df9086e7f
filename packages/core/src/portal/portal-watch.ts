import type { PortalLike } from './portal-like.js';

export interface PortalTimeouts {
  /** How long to wait for Portal's iframe to become ready. @default 15000 */
  readyMs?: number;
  /** Backup, recovery and wallet creation (MPC work). @default 180000 */
  mpcMs?: number;
  /** Every other call (notify, status, clear). @default 30000 */
  callMs?: number;
}

// What the eager code knows of a Portal instance before its facade exists: the facade is in the
// flows' lazy chunks and reads this through their kit (see core-kit.ts).

const given = new WeakMap<PortalLike, PortalTimeouts>();

/**
 * Sets the time limits of a Portal instance's facade (the provider's `timeouts`). The first
 * setting wins, as the first facade for an instance fixes its limits; set them before any
 * component on that Portal mounts.
 */
export function configurePortalTimeouts(portal: PortalLike, timeouts: PortalTimeouts | undefined): void {
  if (timeouts && !given.has(portal)) given.set(portal, timeouts);
}

export const timeoutsFor = (portal: PortalLike): PortalTimeouts | undefined => given.get(portal);

const watched = new WeakSet<PortalLike>();
const initErrors = new WeakMap<PortalLike, { reason: unknown }>();

/**
 * Listens for Portal's initialization error as soon as a flow is made: the SDK calls
 * onInitializationError only at the moment it fails, and the facade that turns it into
 * PORTAL_INIT_FAILED arrives later, with the flow's lazy chunk. Once per instance.
 */
export function watchPortal(portal: PortalLike): void {
  if (watched.has(portal)) return;
  watched.add(portal);
  if (!portal.ready) portal.onInitializationError?.((reason) => initErrors.set(portal, { reason }));
}

/** Why Portal failed to start, when it did before its facade was made. */
export const initErrorOf = (portal: PortalLike): { reason: unknown } | undefined => initErrors.get(portal);
