import { openEnvelope, sealEnvelope } from '../crypto/envelope.js';
import type { KeyProvider } from '../crypto/key-provider.js';

// A sealed share as one string, so it fits the seed 002 body: `v1.` + base64url(JSON).
const PREFIX = 'v1.';

interface Parts {
  kekId: string;
  wrappedDataKey: string;
  iv: string;
  sealed: string;
}

/** Binds a ciphertext to its user, curve and pair: copied onto another, it does not open. */
const bindingOf = (userId: string, curve: string, pairId: string) => ({
  table: 'enclave_backup',
  userId,
  curve,
  pairId,
});
const aadOf = (binding: Record<string, string>) => JSON.stringify(binding);

/** Envelope-encrypts one client backup share with the key provider (a KMS's GenerateDataKey where configured). */
export async function sealShare(
  keys: KeyProvider,
  userId: string,
  curve: string,
  pairId: string,
  share: string,
): Promise<string> {
  const binding = bindingOf(userId, curve, pairId);
  const envelope = await sealEnvelope(share, aadOf(binding), keys, binding);
  const parts: Parts = {
    kekId: envelope.kekId,
    wrappedDataKey: envelope.wrappedDataKey.toString('base64url'),
    iv: envelope.iv.toString('base64url'),
    sealed: envelope.sealed.toString('base64url'),
  };
  return PREFIX + Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export async function openShare(
  keys: KeyProvider,
  userId: string,
  curve: string,
  pairId: string,
  ciphertext: string,
): Promise<string> {
  if (!ciphertext.startsWith(PREFIX)) throw new Error(`the ${curve} ciphertext is not a sealed share`);
  const parts = JSON.parse(Buffer.from(ciphertext.slice(PREFIX.length), 'base64url').toString('utf8')) as Parts;
  const binding = bindingOf(userId, curve, pairId);
  return openEnvelope(
    {
      kekId: parts.kekId,
      wrappedDataKey: Buffer.from(parts.wrappedDataKey, 'base64url'),
      iv: Buffer.from(parts.iv, 'base64url'),
      sealed: Buffer.from(parts.sealed, 'base64url'),
    },
    aadOf(binding),
    keys,
    binding,
  );
}
