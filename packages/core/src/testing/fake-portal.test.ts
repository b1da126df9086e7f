import { describe, expect, it } from 'vitest';
import { createFakePortal } from './fake-portal.js';

describe('fake Portal', () => {
  it('holds a backup at a chosen MPC status, having reported every status before it', async () => {
    const portal = createFakePortal({ failures: { backupWallet: { hangAfter: 'Encrypting share' } } });
    const seen: string[] = [];
    let settled = false;

    void portal.backupWallet('GDRIVE', (s) => void seen.push(s.status)).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));

    expect(seen).toEqual(['Reading share', 'Generating share', 'Parsing share', 'Encrypting share']);
    expect(settled).toBe(false);
  });

  it('gives concurrent same-kind calls the first reply, as @portal-hq/web 3.4.1 does', async () => {
    const portal = createFakePortal({ latencyMs: 5 });
    const [a, b] = await Promise.all([portal.backupWallet('GDRIVE'), portal.backupWallet('GDRIVE')]);
    expect(a).toBe(b);
    expect(portal.cipherTexts).toHaveLength(1);
  });

  it('applies the SDK password checks with its exact messages', async () => {
    const portal = createFakePortal();
    await expect(portal.backupWallet('PASSWORD', undefined, { passwordStorage: { password: 'abc' } })).rejects.toThrow(
      'Password must be at least 4 characters',
    );
  });

  it('never keeps a password or a key in its call log', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const { cipherText } = await portal.backupWallet('PASSWORD', undefined, {
      passwordStorage: { password: 'p4ssword-secret' },
    });
    await portal.recoverWallet(cipherText, 'PASSWORD', { passwordStorage: { password: 'p4ssword-secret' } });
    const { encryptionKey } = await portal.generateBackupShare!();
    await portal.authenticatePasskeyAndWriteKey!(encryptionKey, {
      customDomain: 'https://k.example.com',
      relyingPartyId: 'example.com',
      relyingPartyName: 'Ex',
    });

    const log = JSON.stringify(portal.calls);
    expect(log).not.toContain('p4ssword-secret');
    expect(log).not.toContain(encryptionKey);
    expect(log).not.toContain(cipherText);
  });

  it('exports a backup only with its password, then reports ejectedAt in getClient', async () => {
    const portal = createFakePortal();
    const password = { passwordStorage: { password: 'pw-for-export' } };
    const { cipherText } = await portal.backupWallet('PASSWORD', undefined, password);
    expect((await portal.getClient!())?.ejectedAt).toBeNull();

    await expect(
      portal.eject!('PASSWORD', { passwordStorage: { password: 'wrong' } }, 'share', cipherText),
    ).rejects.toMatchObject({ code: 407 });
    expect((await portal.getClient!())?.ejectedAt).toBeNull();

    const { SECP256K1 } = await portal.eject!('PASSWORD', password, 'share', cipherText);
    expect(SECP256K1).toMatch(/^[0-9a-f]{64}$/);
    expect((await portal.ejectPrivateKeys!('PASSWORD', password, { SECP256K1: 'share' }, cipherText)).SECP256K1).toBe(
      SECP256K1,
    );
    expect(Date.parse((await portal.getClient!())?.ejectedAt ?? '')).not.toBeNaN();
    expect(JSON.stringify(portal.calls)).not.toContain(SECP256K1);
  });

  it('refuses to export a wallet with no backup of that method', async () => {
    const portal = createFakePortal();
    await expect(portal.eject!('GDRIVE', {})).rejects.toMatchObject({ code: 113 });
  });
});
