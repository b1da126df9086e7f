import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { evmAddressOf, solanaAddressOf, toChecksumAddress } from './addresses.js';
import { curveArithmetic } from './curve-arithmetic.js';

describe('EVM addresses', () => {
  it('derives the well-known addresses of secp256k1 private keys 1 and 2', () => {
    const publicKeyOf = curveArithmetic('SECP256K1').publicKeyOf;
    expect(evmAddressOf(publicKeyOf(1n))).toBe('0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf');
    expect(evmAddressOf(publicKeyOf(2n))).toBe('0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF');
  });

  it('applies the EIP-55 checksum of the specification examples', () => {
    for (const address of [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ]) {
      expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    }
  });

  it('rejects something that is not a 20-byte address', () => {
    expect(() => toChecksumAddress('0x1234')).toThrow('Not a 20-byte hex address');
  });
});

describe('Solana addresses', () => {
  it('is base58 of the ed25519 public key of RFC 8032 test 1, derived from its scalar', () => {
    const seed = Uint8Array.from(
      Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'),
    );
    const { scalar } = ed25519.utils.getExtendedPublicKey(seed);
    const publicKey = curveArithmetic('ED25519').publicKeyOf(scalar);
    expect(publicKey).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(solanaAddressOf(publicKey)).toBe('FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z');
  });

  it('encodes 32 zero bytes as the System Program address', () => {
    expect(solanaAddressOf('00'.repeat(32))).toBe('11111111111111111111111111111111');
  });
});
