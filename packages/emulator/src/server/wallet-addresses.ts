import { evmAddressOf, solanaAddressOf } from '../crypto/addresses.js';
import type { ClientRecord } from './client-registry.js';

/** The client's addresses, derived from its public keys ('' before a wallet exists). */
export function addressesOf(client: ClientRecord): { eip155: string; solana: string } {
  if (!client.wallets) return { eip155: '', solana: '' };
  return {
    eip155: evmAddressOf(client.wallets.SECP256K1.publicKey),
    solana: solanaAddressOf(client.wallets.ED25519.publicKey),
  };
}
