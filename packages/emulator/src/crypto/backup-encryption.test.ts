import { base64 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { decryptClientBackupShare, encryptClientBackupShare, PBKDF2_ITERATIONS } from './backup-encryption.js';
import { decodeCipherText, encodeCipherText } from './cipher-text-envelope.js';

const share = new TextEncoder().encode('{"version":1,"SECP256K1":"aa","ED25519":"bb"}');
const randomKey = () => Uint8Array.from(crypto.getRandomValues(new Uint8Array(32)));

async function rejection(promise: Promise<unknown>): Promise<PortalProtocolError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PortalProtocolError)) throw new Error(`expected a PortalProtocolError, got ${String(error)}`);
  return error;
}

describe('client backup share encryption', () => {
  it('decrypts a PASSWORD cipherText with the same password', async () => {
    const cipherText = await encryptClientBackupShare(share, 'PASSWORD', { kind: 'password', password: 'hunter22' });
    const opened = await decryptClientBackupShare(decodeCipherText(cipherText), {
      kind: 'password',
      password: 'hunter22',
    });
    expect(new TextDecoder().decode(opened)).toBe(new TextDecoder().decode(share));
  });

  it('fails with 407 FailedToDecryptCipher for a wrong password', async () => {
    const cipherText = await encryptClientBackupShare(share, 'PASSWORD', { kind: 'password', password: 'hunter22' });
    const error = await rejection(
      decryptClientBackupShare(decodeCipherText(cipherText), { kind: 'password', password: 'hunter23' }),
    );
    expect(error.toPayload()).toEqual({
      code: 407,
      message: 'Failed to decrypt the client backup share: wrong password or key, or the cipherText was altered',
    });
  });

  it('writes a versioned, self-describing base64 envelope with PBKDF2-SHA256, a random salt and AES-256-GCM', async () => {
    const first = await encryptClientBackupShare(share, 'PASSWORD', { kind: 'password', password: 'hunter22' });
    const second = await encryptClientBackupShare(share, 'PASSWORD', { kind: 'password', password: 'hunter22' });
    const envelope = JSON.parse(new TextDecoder().decode(base64.decode(first))) as Record<string, unknown>;
    expect(envelope).toMatchObject({
      format: 'backup-kit-emulator/client-backup-share',
      version: 1,
      backupMethod: 'PASSWORD',
      key: { kdf: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS, salt: expect.any(String) },
      cipher: 'AES-256-GCM',
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(base64.decode(String((envelope.key as { salt: string }).salt))).toHaveLength(16);
    expect(base64.decode(String(envelope.iv))).toHaveLength(12);
    expect(first).not.toBe(second);
    expect(first).not.toContain(new TextDecoder().decode(share).slice(0, 12));
  });

  it('decrypts a random-key (GDRIVE) cipherText with its key only', async () => {
    const key = randomKey();
    const cipherText = await encryptClientBackupShare(share, 'GDRIVE', { kind: 'randomKey', keyId: 'key-1', key });
    const envelope = decodeCipherText(cipherText);
    expect(envelope.key).toEqual({ kdf: 'none', store: 'emulator-google-drive', keyId: 'key-1' });
    expect(await decryptClientBackupShare(envelope, { kind: 'randomKey', key })).toEqual(share);
    expect((await rejection(decryptClientBackupShare(envelope, { kind: 'randomKey', key: randomKey() }))).code).toBe(
      407,
    );
    expect((await rejection(decryptClientBackupShare(envelope, { kind: 'password', password: 'hunter22' }))).code).toBe(
      407,
    );
  });

  it('names the passkey store in a PASSKEY cipherText, so it cannot pass for a GDRIVE one', async () => {
    const key = randomKey();
    const cipherText = await encryptClientBackupShare(share, 'PASSKEY', { kind: 'randomKey', keyId: 'key-2', key });
    const envelope = decodeCipherText(cipherText);
    expect(envelope.key).toEqual({ kdf: 'none', store: 'emulator-passkey', keyId: 'key-2' });
    expect(await decryptClientBackupShare(envelope, { kind: 'randomKey', key })).toEqual(share);
    const asDrive = decodeCipherText(
      encodeCipherText({ ...envelope, key: { kdf: 'none', store: 'emulator-google-drive', keyId: 'key-2' } }),
    );
    expect((await rejection(decryptClientBackupShare(asDrive, { kind: 'randomKey', key }))).code).toBe(407);
  });

  it('detects tampering with the header as well as with the data', async () => {
    const cipherText = await encryptClientBackupShare(share, 'PASSWORD', { kind: 'password', password: 'hunter22' });
    const envelope = decodeCipherText(cipherText);
    const relabelled = decodeCipherText(encodeCipherText({ ...envelope, backupMethod: 'GDRIVE' }));
    expect(
      (await rejection(decryptClientBackupShare(relabelled, { kind: 'password', password: 'hunter22' }))).code,
    ).toBe(407);
    const data = base64.decode(envelope.data);
    data[0] = (data[0] ?? 0) ^ 1;
    const flipped = { ...envelope, data: base64.encode(data) };
    expect((await rejection(decryptClientBackupShare(flipped, { kind: 'password', password: 'hunter22' }))).code).toBe(
      407,
    );
  });

  it('refuses with 405 a cipherText it did not write', () => {
    for (const cipherText of ['', 'not base64!', base64.encode(new TextEncoder().encode('{"format":"other"}'))]) {
      expect(() => decodeCipherText(cipherText)).toThrow(
        expect.objectContaining({ code: 405, message: expect.stringMatching(/^Failed to decode the cipherText/) }),
      );
    }
  });
});
