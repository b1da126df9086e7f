import { hasSeedPasskeyApi, SEED_PASSKEY_API } from '../passkey/passkey-path.js';
import type { PortalLike } from './portal-like.js';

/** Which parts of the seed's newer passkey API this SDK build has (none in 3.4.1). */
export interface SdkFeatures {
  registerPasskey: boolean;
  generateBackupShare: boolean;
  authenticatePasskeyAndWriteKey: boolean;
  /** All three: the seed's passkey flow can run through the SDK. */
  seedPasskeyApi: boolean;
}

export function detectSdkFeatures(portal: PortalLike): SdkFeatures {
  const [registerPasskey, generateBackupShare, authenticatePasskeyAndWriteKey] = SEED_PASSKEY_API.map(
    (name) => typeof portal[name] === 'function',
  ) as [boolean, boolean, boolean];
  return {
    registerPasskey,
    generateBackupShare,
    authenticatePasskeyAndWriteKey,
    seedPasskeyApi: hasSeedPasskeyApi(portal),
  };
}
