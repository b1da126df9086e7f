import type { PortalLike } from '@backup-kit/core';

/**
 * Per Portal instance: who wants to hear that a flow on it (a backup, a passkey setup, a
 * recovery) succeeded, whichever component ran it. BackupStatus refreshes on it. A WeakMap, so
 * a Portal that is gone takes its listeners with it.
 */
const listeners = new WeakMap<PortalLike, Set<() => void>>();

export function onFlowSuccess(portal: PortalLike, listener: () => void): () => void {
  let set = listeners.get(portal);
  if (!set) listeners.set(portal, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function announceFlowSuccess(portal: PortalLike): void {
  listeners.get(portal)?.forEach((listener) => listener());
}
