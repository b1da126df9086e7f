import { describe, expect, it } from 'vitest';
import { CURVES } from '../protocol/curves.js';
import { curveArithmetic } from './curve-arithmetic.js';
import {
  addScalars,
  combineShares,
  randomScalar,
  scalarFromHex,
  scalarToHex,
  splitSecret,
  subtractScalars,
} from './scalars.js';

describe.each(CURVES)('%s additive shares', (curve) => {
  const { order, publicKeyOf, addPublicKeys } = curveArithmetic(curve);

  it('splits a secret into two shares that add back up to it', () => {
    const secret = randomScalar(curve);
    const shares = splitSecret(curve, secret);
    expect(shares.first).not.toBe(secret);
    expect(shares.second).not.toBe(secret);
    expect(combineShares(curve, shares)).toBe(secret);
  });

  it('splits the same secret differently every time', () => {
    const secret = randomScalar(curve);
    expect(splitSecret(curve, secret).first).not.toBe(splitSecret(curve, secret).first);
  });

  it('checks a split through public keys alone: (a·G) + (b·G) = x·G', () => {
    const secret = randomScalar(curve);
    const { first, second } = splitSecret(curve, secret);
    expect(addPublicKeys(publicKeyOf(first), publicKeyOf(second))).toBe(publicKeyOf(secret));
    expect(addPublicKeys(publicKeyOf(first), publicKeyOf(addScalars(curve, second, 1n)))).not.toBe(publicKeyOf(secret));
  });

  it('re-randomises a split with a blinding value without changing the secret (c + r, s − r)', () => {
    const secret = randomScalar(curve);
    const signing = splitSecret(curve, secret);
    const blinding = randomScalar(curve);
    const backup = {
      first: addScalars(curve, signing.first, blinding),
      second: subtractScalars(curve, signing.second, blinding),
    };
    expect(backup.first).not.toBe(signing.first);
    expect(combineShares(curve, backup)).toBe(secret);
  });

  it('wraps around the curve order', () => {
    expect(addScalars(curve, order - 1n, 2n)).toBe(1n);
    expect(subtractScalars(curve, 1n, 2n)).toBe(order - 1n);
  });

  it('draws scalars in [1, n−1]', () => {
    for (let index = 0; index < 50; index += 1) {
      const scalar = randomScalar(curve);
      expect(scalar > 0n && scalar < order).toBe(true);
    }
  });

  it('round-trips scalars through 32-byte hex and rejects unreduced or malformed ones', () => {
    const scalar = randomScalar(curve);
    expect(scalarFromHex(curve, scalarToHex(scalar))).toBe(scalar);
    expect(scalarToHex(1n)).toBe(`${'0'.repeat(63)}1`);
    expect(() => scalarFromHex(curve, scalarToHex(order))).toThrow('Not a reduced');
    expect(() => scalarFromHex(curve, 'abc')).toThrow('Not a 32-byte hex');
  });
});
