import { describe, expect, it } from 'vitest';
import { unwrapKeyWithPrf, wrapKeyWithPrf } from './passkey-key-wrap.js';

const bytes = (length: number) => Uint8Array.from(crypto.getRandomValues(new Uint8Array(length)));

describe('wrapping the passkey backup key under the PRF output', () => {
  it('unwraps with the same PRF output only', async () => {
    const prf = bytes(32);
    const key = bytes(32);
    const wrapped = await wrapKeyWithPrf(prf, key);
    expect(await unwrapKeyWithPrf(prf, wrapped)).toEqual(key);
    await expect(unwrapKeyWithPrf(bytes(32), wrapped)).rejects.toThrow();
  });

  it('never shows the key: two wraps differ and neither contains it', async () => {
    const prf = bytes(32);
    const key = bytes(32);
    const [first, second] = [await wrapKeyWithPrf(prf, key), await wrapKeyWithPrf(prf, key)];
    expect(first).not.toBe(second);
    expect(Buffer.from(first, 'base64').includes(Buffer.from(key))).toBe(false);
  });
});
