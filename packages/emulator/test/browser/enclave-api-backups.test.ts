import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { capturingLogger, clientWithApiKey } from '../support/emulator-state.js';
import { freshApiKey } from '../support/portal-page.js';

type Shares = Record<'SECP256K1' | 'ED25519', { id: string; share: string }>;
interface BackupResponse {
  secp256k1Share: { id: string; share: string };
  ed25519Share: { id: string; share: string };
}

describe('the real @portal-hq/web 3.4.1 sees wallets backed up through the Enclave MPC API', () => {
  const suite = useBrowserSuite();
  let emulator: RunningEmulator;
  const { lines: logLines, logger } = capturingLogger();

  beforeAll(async () => {
    emulator = await startEmulator({ logger });
  });
  afterAll(() => emulator?.stop());

  async function server<T>(method: string, path: string, apiKey: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status !== 200) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  it('shows a wallet generated, backed up and marked on the server as backed up, and recovers it in the browser', async () => {
    const apiKey = freshApiKey();
    const shares = await server<Shares>('POST', '/v1/generate', apiKey);
    const backup = await server<BackupResponse>('POST', '/v1/backup', apiKey, {
      generateResponse: JSON.stringify(shares),
    });
    const address = clientWithApiKey(emulator, apiKey).addresses.eip155;

    const portal = await suite.openPortal(emulator, { apiKey });
    const { page } = portal;
    expect(await page.evaluate(() => window.portal.address)).toBe(address);
    expect(await page.evaluate(() => window.portal.doesWalletExist())).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(false);
    // Backed up only once the pairs are marked stored.
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(false);

    await server('PATCH', '/api/v3/clients/me/backup-share-pairs', apiKey, {
      status: 'STORED_CLIENT_BACKUP_SHARE',
      backupSharePairIds: [backup.secp256k1Share.id, backup.ed25519Share.id],
    });
    expect(await page.evaluate(() => window.portal.isWalletBackedUp())).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp('eip155:1'))).toBe(true);
    expect(await page.evaluate(() => window.portal.isWalletBackedUp('solana:mainnet'))).toBe(true);
    expect(await page.evaluate(() => window.portal.availableRecoveryMethods())).toEqual(['UNKNOWN']);
    const client = await page.evaluate(() => window.portal.getClient());
    expect(client.wallets.flatMap((wallet) => wallet.backupSharePairs)).toEqual([
      expect.objectContaining({ id: backup.secp256k1Share.id, status: 'completed', backupMethod: 'UNKNOWN' }),
      expect.objectContaining({ id: backup.ed25519Share.id, status: 'completed', backupMethod: 'UNKNOWN' }),
    ]);

    // The app's server decrypted its ciphertexts and hands the SDK the backup response.
    const recovered = await page.evaluate(
      (cipherText) => window.portal.recoverWallet(cipherText, window.sdk.BackupMethods.unknown),
      JSON.stringify(backup),
    );
    expect(recovered).toBe(address);
    expect(await page.evaluate(() => window.portal.isWalletOnDevice())).toBe(true);
    expect(await page.evaluate(() => window.portal.getSolanaAddress())).toBe(
      clientWithApiKey(emulator, apiKey).addresses.solana,
    );
    // A recovery on this device issued new signing shares: the server's old ones are replaced.
    const afterwards = await server<Shares>('POST', '/v1/recover', apiKey, { backupResponse: JSON.stringify(backup) });
    expect(afterwards.SECP256K1.share).not.toBe(shares.SECP256K1.share);

    for (const secret of [backup.secp256k1Share.share, backup.ed25519Share.share, shares.ED25519.share]) {
      expect(logLines.join('\n')).not.toContain(secret);
    }
  });

  it('refuses a browser recovery from backup shares under another method, and from tampered shares', async () => {
    const apiKey = freshApiKey();
    const shares = await server<Shares>('POST', '/v1/generate', apiKey);
    const backup = await server<BackupResponse>('POST', '/v1/backup', apiKey, {
      generateResponse: JSON.stringify(shares),
    });
    const portal = await suite.openPortal(emulator, { apiKey });
    const underPassword = await portal.page.evaluate(
      (cipherText) =>
        window.sdk.settle(() => window.portal.recoverWallet(cipherText, window.sdk.BackupMethods.password)),
      JSON.stringify(backup),
    );
    expect(underPassword).toMatchObject({ ok: false, error: { kind: 'PortalMpcError', code: 203 } });
    const tampered = { ...backup, ed25519Share: { ...backup.ed25519Share, share: `${'0'.repeat(63)}1` } };
    const wrong = await portal.page.evaluate(
      (cipherText) =>
        window.sdk.settle(() => window.portal.recoverWallet(cipherText, window.sdk.BackupMethods.unknown)),
      JSON.stringify(tampered),
    );
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'PortalMpcError', code: 113 } });
    expect(await portal.page.evaluate(() => window.portal.isWalletOnDevice())).toBe(false);
  });
});
