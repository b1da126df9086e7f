/**
 * WebAuthn PRF: the authenticator computes HMAC(secret, salt) for a salt we choose. With a
 * fixed salt the output is a stable secret bound to the passkey, from which the backup key is
 * derived with HKDF. The output never leaves this page.
 */
const PRF_SALT = new TextEncoder().encode('backup-kit/passkey-backup/prf-salt/v1');
const HKDF_INFO = new TextEncoder().encode('backup-kit/passkey-backup/key/v1');

/** The `prf` extension input that asks for the output under the kit's salt. */
export function prfExtension(): { prf: { eval: { first: Uint8Array } } } {
  return { prf: { eval: { first: PRF_SALT } } };
}

/** Reads the first PRF output from getClientExtensionResults(), if the authenticator gave one. */
export function readPrfOutput(results: unknown): ArrayBuffer | undefined {
  const first = (results as { prf?: { results?: { first?: unknown } } } | undefined)?.prf?.results?.first;
  if (first instanceof ArrayBuffer) return first;
  if (ArrayBuffer.isView(first))
    return first.buffer.slice(first.byteOffset, first.byteOffset + first.byteLength) as ArrayBuffer;
  return undefined;
}

/** The 256-bit backup key from a PRF output, as base64url text (the backup "password"). */
export async function keyFromPrf(output: ArrayBuffer): Promise<string> {
  const material = await crypto.subtle.importKey('raw', output, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: HKDF_INFO },
    material,
    256,
  );
  return toBase64Url(new Uint8Array(bits));
}

/** A fresh random 256-bit key as base64url text. */
export function randomKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A copy of the extension results that is safe to send to a server: PRF outputs removed.
 * (They are ArrayBuffers, which JSON would turn into {}, but dropping them is explicit.)
 */
export function withoutPrfOutput(results: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(results as Record<string, unknown>) };
  const prf = copy.prf as { enabled?: boolean } | undefined;
  if (prf) copy.prf = prf.enabled === undefined ? {} : { enabled: prf.enabled };
  return copy;
}
