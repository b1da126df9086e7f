import type { PasskeyOptions, PortalLike } from '../portal/portal-like.js';
import type { PasskeyPath } from './passkey-snapshot.js';

/**
 * The one choice of passkey path, for every passkey flow (PasskeySetup, BackupButton, before and
 * after their code loaded): an explicit `path`, else the seed's API where the SDK has it, else
 * the direct path for usePopup: false, else the SDK's own.
 */
export function choosePasskeyPath(
  portal: PortalLike,
  options: { passkey: Pick<PasskeyOptions, 'usePopup'>; path?: 'auto' | PasskeyPath | undefined },
): PasskeyPath {
  if (options.path && options.path !== 'auto') return options.path;
  if (hasSeedPasskeyApi(portal)) return 'seed';
  return options.passkey.usePopup === false ? 'direct' : 'sdk';
}

/** The seed's passkey API: a passkey flow can run through the SDK where it has all three. */
export const SEED_PASSKEY_API = ['registerPasskey', 'generateBackupShare', 'authenticatePasskeyAndWriteKey'] as const;

/** The seed's passkey flow can run through this SDK: it has all three methods. */
export function hasSeedPasskeyApi(portal: PortalLike): boolean {
  return SEED_PASSKEY_API.every((name) => typeof portal[name] === 'function');
}
