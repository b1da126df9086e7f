import { PortalProtocolError } from '../protocol/portal-error.js';
import { WALLET_MODIFICATION_ALREADY_IN_PROGRESS } from '../protocol/portal-error-codes.js';

export interface WalletLock {
  run<T>(operation: () => Promise<T>): Promise<T>;
}

/**
 * One generate/backup/recover at a time. A second one is refused rather than queued: the SDK
 * matches replies by type only, so a queued second backup would hand both callers the first
 * cipherText while the custodian keeps the second one's share.
 */
export function createWalletLock(): WalletLock {
  let busy = false;
  return {
    async run(operation) {
      if (busy) {
        throw new PortalProtocolError(
          WALLET_MODIFICATION_ALREADY_IN_PROGRESS,
          '[PortalMpc] Wallet modification already in progress',
        );
      }
      busy = true;
      try {
        return await operation();
      } finally {
        busy = false;
      }
    },
  };
}
