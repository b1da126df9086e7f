import { CURVES, mapCurves, type PerCurve } from '../protocol/curves.js';
import { scalarFromHex, scalarToHex } from '../crypto/scalars.js';

/**
 * The custodian backup share as the webhook receives it: `share` is a JSON string (as in
 * Portal's docs), here `{"format","version","SECP256K1":"<hex>","ED25519":"<hex>"}`.
 */
const FORMAT = 'backup-kit-emulator/custodian-backup-share';
const VERSION = 1;

export function encodeCustodianBackupShare(shares: PerCurve<bigint>): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, ...mapCurves((curve) => scalarToHex(shares[curve])) });
}

export function decodeCustodianBackupShare(share: string): PerCurve<bigint> {
  const parsed = JSON.parse(share) as Record<string, unknown> | null;
  if (parsed?.format !== FORMAT || parsed.version !== VERSION)
    throw new Error('Not a custodian backup share written by the emulator');
  for (const curve of CURVES) {
    if (typeof parsed[curve] !== 'string') throw new Error(`The custodian backup share has no ${curve} share`);
  }
  return mapCurves((curve) => scalarFromHex(curve, parsed[curve] as string));
}
