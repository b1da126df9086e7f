import { scalarFromHex, scalarToHex } from '../crypto/scalars.js';
import { CURVES, mapCurves, type PerCurve } from '../protocol/curves.js';

const KEY_PREFIX = 'backup-kit-emulator:v1:signing-shares:';

interface StoredSigningShares {
  version: 1;
  shares: Partial<PerCurve<string>>;
}

/**
 * The client signing shares, in this iframe origin's localStorage as Portal keeps them on the
 * device, one entry per client. clearLocalWallet() (`portal:destroy`) removes the entry:
 * "losing the device".
 */
export class SigningShareStorage {
  constructor(private readonly storage: Storage) {}

  private readRecord(clientId: string): StoredSigningShares | null {
    const raw = this.storage.getItem(KEY_PREFIX + clientId);
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as StoredSigningShares;
      return parsed.version === 1 && typeof parsed.shares === 'object' && parsed.shares !== null ? parsed : null;
    } catch {
      return null;
    }
  }

  /** Both shares, or null when this device does not hold the whole wallet. */
  read(clientId: string): PerCurve<bigint> | null {
    const shares = this.readRecord(clientId)?.shares;
    if (!shares || !CURVES.every((curve) => typeof shares[curve] === 'string')) return null;
    try {
      return mapCurves((curve) => scalarFromHex(curve, shares[curve] as string));
    } catch {
      return null;
    }
  }

  presence(clientId: string | null): PerCurve<boolean> {
    const shares = clientId === null ? undefined : this.readRecord(clientId)?.shares;
    return mapCurves((curve) => typeof shares?.[curve] === 'string');
  }

  write(clientId: string, shares: PerCurve<bigint>): void {
    const record: StoredSigningShares = { version: 1, shares: mapCurves((curve) => scalarToHex(shares[curve])) };
    this.storage.setItem(KEY_PREFIX + clientId, JSON.stringify(record));
  }

  clear(clientId: string): void {
    this.storage.removeItem(KEY_PREFIX + clientId);
  }
}
