import type { PortalLike } from './portal-like.js';

export interface PortalTimeouts {
  /** How long to wait for Portal's iframe to become ready. @default 15000 */
  readyMs?: number;
  /** Backup, recovery and wallet creation (MPC work). @default 180000 */
  mpcMs?: number;
  /** Every other call (notify, status, clear). @default 30000 */
  callMs?: number;
}

const given = new WeakMap<PortalLike, PortalTimeouts>();

/**
 * Sets the time limits of a Portal instance's facade (the provider's `timeouts`). The first
 * setting wins, as the first facade for an instance fixes its limits; set them before any
 * component on that Portal mounts. This module is eager and tiny on purpose: the facade itself is
 * in the flows' lazy chunks and reads the limits through their kit (see core-kit.ts).
 */
export function configurePortalTimeouts(portal: PortalLike, timeouts: PortalTimeouts | undefined): void {
  if (timeouts && !given.has(portal)) given.set(portal, timeouts);
}

export const timeoutsFor = (portal: PortalLike): PortalTimeouts | undefined => given.get(portal);
