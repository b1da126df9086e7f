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
  const registerPasskey = typeof portal.registerPasskey === 'function';
  const generateBackupShare = typeof portal.generateBackupShare === 'function';
  const authenticatePasskeyAndWriteKey = typeof portal.authenticatePasskeyAndWriteKey === 'function';
  return {
    registerPasskey,
    generateBackupShare,
    authenticatePasskeyAndWriteKey,
    seedPasskeyApi: registerPasskey && generateBackupShare && authenticatePasskeyAndWriteKey,
  };
}
