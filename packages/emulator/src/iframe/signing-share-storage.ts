import { scalarFromHex, scalarToHex } from '../crypto/scalars.js';
import { CURVES, mapCurves, type PerCurve } from '../protocol/curves.js';

const KEY_PREFIX = 'backup-kit-emulator:v1:signing-shares:';

interface StoredSigningShares {
  version: 1;
  shares: Partial<PerCurve<string>>;
}

export interface SigningShareStorage {
  /** Both shares, or null when this device does not hold the whole wallet. */
  read(clientId: string): PerCurve<bigint> | null;
  presence(clientId: string | null): PerCurve<boolean>;
  write(clientId: string, shares: PerCurve<bigint>): void;
  clear(clientId: string): void;
}

/**
 * The client signing shares, in this iframe origin's localStorage as Portal keeps them on the
 * device, one entry per client. clearLocalWallet() (`portal:destroy`) removes the entry:
 * "losing the device".
 */
export function createSigningShareStorage(storage: Storage): SigningShareStorage {
  function readRecord(clientId: string): StoredSigningShares | null {
    const raw = storage.getItem(KEY_PREFIX + clientId);
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as StoredSigningShares;
      return parsed.version === 1 && typeof parsed.shares === 'object' && parsed.shares !== null ? parsed : null;
    } catch {
      return null;
    }
  }

  return {
    read(clientId) {
      const shares = readRecord(clientId)?.shares;
      if (!shares || !CURVES.every((curve) => typeof shares[curve] === 'string')) return null;
      try {
        return mapCurves((curve) => scalarFromHex(curve, shares[curve] as string));
      } catch {
        return null;
      }
    },
    presence(clientId) {
      const shares = clientId === null ? undefined : readRecord(clientId)?.shares;
      return mapCurves((curve) => typeof shares?.[curve] === 'string');
    },
    write(clientId, shares) {
      const record: StoredSigningShares = { version: 1, shares: mapCurves((curve) => scalarToHex(shares[curve])) };
      storage.setItem(KEY_PREFIX + clientId, JSON.stringify(record));
    },
    clear(clientId) {
      storage.removeItem(KEY_PREFIX + clientId);
    },
  };
}
