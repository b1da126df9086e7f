import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the expected one in time that depends on neither. Hashing
 * first gives both sides the same length, so not even the secret's length leaks.
 */
export function createSecretMatcher(expected: string): (presented: string | undefined | null) => boolean {
  const expectedDigest = sha256(expected);
  return (presented) => {
    const matches = timingSafeEqual(sha256(presented ?? ''), expectedDigest);
    return matches && presented != null;
  };
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();
