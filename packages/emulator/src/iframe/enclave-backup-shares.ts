import { scalarFromHex } from '../crypto/scalars.js';
import { CURVES, mapCurves, type PerCurve } from '../protocol/curves.js';
import { BACKUP_SHARE_FIELDS } from '../protocol/enclave-api.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';

/**
 * A backup made through the Enclave MPC API is encrypted by the app's server with its own key
 * provider, which the browser cannot use. To recover it in the browser, the app's server
 * decrypts the shares and hands the SDK the `/v1/backup` response itself (seed 002's
 * `{ secp256k1Share, ed25519Share }` or seed 000's `{ SECP256K1, ED25519 }`) as the cipherText:
 * the same plaintext shares Enclave `/v1/recover` takes. Null when the cipherText is not one.
 */
export function enclaveBackupSharesFrom(cipherText: string): PerCurve<bigint> | null {
  if (!cipherText.startsWith('{')) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(cipherText) as Record<string, unknown>;
  } catch {
    return null;
  }
  const entries = mapCurves((curve) => parsed[BACKUP_SHARE_FIELDS[curve]] ?? parsed[curve]);
  if (!CURVES.every((curve) => typeof entries[curve] === 'object' && entries[curve] !== null)) return null;
  try {
    return mapCurves((curve) => scalarFromHex(curve, String((entries[curve] as { share?: unknown }).share)));
  } catch {
    throw new PortalProtocolError(
      ErrorCodes.FailedToDecodeCipher,
      'Failed to decode the Enclave backup response: a share is not a hex scalar',
    );
  }
}
