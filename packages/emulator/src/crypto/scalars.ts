import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import type { Curve } from '../protocol/curves.js';
import { curveArithmetic } from './curve-arithmetic.js';

/**
 * Private scalars and their 2-of-2 additive shares: x = a + b (mod n). Either share alone is
 * a uniformly random number and says nothing about x.
 */

const SCALAR_BYTES = 32;

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

function reduce(value: bigint, order: bigint): bigint {
  const result = value % order;
  return result >= 0n ? result : result + order;
}

/** A uniform scalar in [1, n−1]: 16 extra random bytes make the modulo bias negligible (FIPS 186-5 A.2.1). */
export function randomScalar(curve: Curve): bigint {
  const { order } = curveArithmetic(curve);
  return reduce(toBigInt(randomBytes(SCALAR_BYTES + 16)), order - 1n) + 1n;
}

export function addScalars(curve: Curve, left: bigint, right: bigint): bigint {
  return reduce(left + right, curveArithmetic(curve).order);
}

export function subtractScalars(curve: Curve, left: bigint, right: bigint): bigint {
  return reduce(left - right, curveArithmetic(curve).order);
}

export interface AdditiveShares {
  first: bigint;
  second: bigint;
}

/** Splits a secret into two shares: a fresh random one and the secret minus it. */
export function splitSecret(curve: Curve, secret: bigint): AdditiveShares {
  const first = randomScalar(curve);
  return { first, second: subtractScalars(curve, secret, first) };
}

export function combineShares(curve: Curve, shares: AdditiveShares): bigint {
  return addScalars(curve, shares.first, shares.second);
}

export function scalarToHex(scalar: bigint): string {
  return scalar.toString(16).padStart(SCALAR_BYTES * 2, '0');
}

/** Parses a share sent as hex; rejects anything that is not a canonical scalar of the curve. */
export function scalarFromHex(curve: Curve, hex: string): bigint {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`Not a 32-byte hex ${curve} scalar`);
  const value = toBigInt(hexToBytes(hex));
  if (value >= curveArithmetic(curve).order) throw new Error(`Not a reduced ${curve} scalar`);
  return value;
}
