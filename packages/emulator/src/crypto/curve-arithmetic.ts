import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Curve } from '../protocol/curves.js';

/**
 * What the wallet needs from each curve: the order of its scalar field (shares are added
 * modulo it), the public key of a scalar, and the sum of two public keys, which is how a
 * 2-of-2 additive split is checked without putting the private key back together.
 * Public keys are hex: compressed SEC1 (33 bytes) for secp256k1, RFC 8032 (32 bytes) for ed25519.
 */
interface CurveArithmetic {
  order: bigint;
  publicKeyOf(scalar: bigint): string;
  addPublicKeys(left: string, right: string): string;
  isPublicKey(hex: string): boolean;
}

const SECP256K1: CurveArithmetic = {
  order: secp256k1.Point.Fn.ORDER,
  publicKeyOf: (scalar) => secp256k1.Point.BASE.multiply(scalar).toHex(true),
  addPublicKeys: (left, right) => secp256k1.Point.fromHex(left).add(secp256k1.Point.fromHex(right)).toHex(true),
  isPublicKey: (hex) => canParse(() => secp256k1.Point.fromHex(hex)),
};

// ed25519 secrets are held as scalars (not RFC 8032 seeds): only scalars split additively.
const ED25519: CurveArithmetic = {
  order: ed25519.Point.Fn.ORDER,
  publicKeyOf: (scalar) => ed25519.Point.BASE.multiply(scalar).toHex(),
  addPublicKeys: (left, right) => ed25519.Point.fromHex(left).add(ed25519.Point.fromHex(right)).toHex(),
  isPublicKey: (hex) => canParse(() => ed25519.Point.fromHex(hex)),
};

function canParse(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

export function curveArithmetic(curve: Curve): CurveArithmetic {
  return curve === 'SECP256K1' ? SECP256K1 : ED25519;
}

/** The uncompressed SEC1 encoding (65 bytes) of a secp256k1 public key, for EVM addresses. */
export function uncompressedSecp256k1(publicKeyHex: string): Uint8Array {
  return secp256k1.Point.fromHex(publicKeyHex).toBytes(false);
}
