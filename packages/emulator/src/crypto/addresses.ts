import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { uncompressedSecp256k1 } from './curve-arithmetic.js';

/** EIP-55 mixed-case checksum of a 20-byte hex address. */
export function toChecksumAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{40}$/.test(lower)) throw new Error('Not a 20-byte hex address');
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let checksummed = '0x';
  for (let index = 0; index < lower.length; index += 1) {
    const character = lower[index] as string;
    checksummed += Number.parseInt(hash[index] as string, 16) >= 8 ? character.toUpperCase() : character;
  }
  return checksummed;
}

/** The eip155 address: the last 20 bytes of keccak256 of the uncompressed key without its 0x04 prefix. */
export function evmAddressOf(secp256k1PublicKeyHex: string): string {
  const uncompressed = uncompressedSecp256k1(secp256k1PublicKeyHex);
  return toChecksumAddress(bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12)));
}

/** The Solana address: base58 of the 32-byte ed25519 public key. */
export function solanaAddressOf(ed25519PublicKeyHex: string): string {
  return base58.encode(hexToBytes(ed25519PublicKeyHex));
}
