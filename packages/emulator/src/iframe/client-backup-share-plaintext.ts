import { scalarFromHex, scalarToHex } from '../crypto/scalars.js';
import { CURVES, mapCurves, type PerCurve } from '../protocol/curves.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';

/** What the cipherText encrypts: `{"version":1,"SECP256K1":"<hex>","ED25519":"<hex>"}`. */
export function encodeClientBackupShares(shares: PerCurve<bigint>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ version: 1, ...mapCurves((curve) => scalarToHex(shares[curve])) }));
}

export function decodeClientBackupShares(plaintext: Uint8Array): PerCurve<bigint> {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(plaintext)) as Record<string, unknown>;
    if (parsed.version !== 1 || !CURVES.every((curve) => typeof parsed[curve] === 'string'))
      throw new Error('bad shape');
    return mapCurves((curve) => scalarFromHex(curve, parsed[curve] as string));
  } catch {
    throw new PortalProtocolError(
      ErrorCodes.FailedToDecodeCipher,
      'Failed to decode the client backup share inside the cipherText',
    );
  }
}
