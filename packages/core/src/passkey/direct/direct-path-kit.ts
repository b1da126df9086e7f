import type { CoreKit } from '../../internal/core-kit.js';

/**
 * What the direct passkey path uses of the eager code: core's errors, handed over by whoever loads
 * it (the lazy passkey and recovery chunks pass on their kit, see core-kit.ts) instead of imported.
 */
export type DirectPathKit = Pick<CoreKit, 'BackupKitError' | 'toBackupKitError'>;

/** The kit's direct path, loaded on first use: its chunk pulls in @simplewebauthn/browser. */
export const loadDirectPath = (kit: DirectPathKit) =>
  import('./create-direct-path.js').then((m) => m.createDirectPath(kit));
