import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evmAddressOf, solanaAddressOf } from '../../src/crypto/addresses.js';
import { curveArithmetic } from '../../src/crypto/curve-arithmetic.js';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { silentLogger } from '../support/emulator-state.js';
import { startFakeCustodianWebhook, type FakeCustodianWebhook } from '../support/fake-custodian-webhook.js';

const PASSWORD = 'a password for the export tests';

const evmAddressOfKey = (hex: string) => evmAddressOf(curveArithmetic('SECP256K1').publicKeyOf(BigInt(`0x${hex}`)));
const solanaAddressOfKey = (hex: string) => solanaAddressOf(curveArithmetic('ED25519').publicKeyOf(BigInt(`0x${hex}`)));

describe('the real @portal-hq/web 3.4.1 against the emulator: eject and ejectPrivateKeys', () => {
  const suite = useBrowserSuite();
  let portalManaged: RunningEmulator;
  let selfManaged: RunningEmulator;
  let webhook: FakeCustodianWebhook;

  beforeAll(async () => {
    webhook = await startFakeCustodianWebhook();
    [portalManaged, selfManaged] = await Promise.all([
      startEmulator({ logger: silentLogger, portalManagedBackups: true }),
      startEmulator({ logger: silentLogger, webhook: { url: webhook.url, secret: webhook.secret } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([portalManaged?.stop(), selfManaged?.stop(), webhook?.close()]);
  });

  it('exports, from a self-managed password backup and the custodian share, the keys of the wallet’s addresses, and reports ejectedAt', async () => {
    const portal = await suite.openPortal(selfManaged);
    const backedUp = await portal.page.evaluate(async (password) => {
      const configs = { passwordStorage: { password } };
      await window.portal.createWallet();
      const { cipherText } = await window.portal.backupWallet(window.sdk.BackupMethods.password, undefined, configs);
      await window.portal.storedClientBackupShare(true, window.sdk.BackupMethods.password);
      const client = await window.portal.getClient();
      return { cipherText, clientId: client.id, ejectedAt: client.ejectedAt };
    }, PASSWORD);
    expect(backedUp.ejectedAt).toBeNull();
    const share = webhook.shares.get(`${backedUp.clientId}/PASSWORD`) ?? '';
    expect(share).not.toBe('');

    const result = await portal.page.evaluate(
      async ({ password, share, cipherText }) => {
        const configs = { passwordStorage: { password } };
        const method = window.sdk.BackupMethods.password;
        const single = await window.portal.eject(method, configs, share, cipherText);
        const both = await window.portal.ejectPrivateKeys(method, configs, { SECP256K1: share }, cipherText);
        const client = await window.portal.getClient();
        return {
          single,
          both,
          ejectedAt: client.ejectedAt,
          evm: await window.portal.getEip155Address(),
          solana: await window.portal.getSolanaAddress(),
        };
      },
      { password: PASSWORD, share, cipherText: backedUp.cipherText },
    );
    expect(result.single.SECP256K1).toMatch(/^[0-9a-f]{64}$/);
    expect(evmAddressOfKey(result.single.SECP256K1)).toBe(result.evm);
    expect(result.both.SECP256K1).toBe(result.single.SECP256K1);
    expect(solanaAddressOfKey(result.both.ED25519)).toBe(result.solana);
    expect(Date.parse(result.ejectedAt ?? '')).not.toBeNaN();
  });

  it('refuses a wrong password (407) or another custodian share (113) and leaves the wallet not ejected', async () => {
    const portal = await suite.openPortal(selfManaged);
    const outcome = await portal.page.evaluate(async (password) => {
      const configs = { passwordStorage: { password } };
      const method = window.sdk.BackupMethods.password;
      await window.portal.createWallet();
      const first = await window.portal.backupWallet(method, undefined, configs);
      const client = await window.portal.getClient();
      return { cipherText: first.cipherText, clientId: client.id };
    }, PASSWORD);
    const share = webhook.shares.get(`${outcome.clientId}/PASSWORD`) ?? '';
    const otherShare = [...webhook.shares.entries()].find(([key]) => !key.startsWith(outcome.clientId))?.[1] ?? '';
    expect(otherShare).not.toBe('');
    const refused = await portal.page.evaluate(
      async ({ password, share, otherShare, cipherText }) => {
        const method = window.sdk.BackupMethods.password;
        const wrongPassword = await window.sdk.settle(() =>
          window.portal.eject(method, { passwordStorage: { password: `${password}!` } }, share, cipherText),
        );
        const wrongShare = await window.sdk.settle(() =>
          window.portal.eject(method, { passwordStorage: { password } }, otherShare, cipherText),
        );
        const notAShare = await window.sdk.settle(() =>
          window.portal.eject(method, { passwordStorage: { password } }, 'not a share', cipherText),
        );
        return { wrongPassword, wrongShare, notAShare, ejectedAt: (await window.portal.getClient()).ejectedAt };
      },
      { password: PASSWORD, share, otherShare, cipherText: outcome.cipherText },
    );
    expect(refused.wrongPassword).toMatchObject({ ok: false, error: { code: 407 } });
    expect(refused.wrongShare).toMatchObject({ ok: false, error: { code: 113 } });
    expect(refused.notAShare).toMatchObject({ ok: false, error: { code: 201 } });
    expect(refused.ejectedAt).toBeNull();
  });

  it('exports a Portal-managed backup with empty cipherText and share, as the SDK allows there', async () => {
    const portal = await suite.openPortal(portalManaged);
    const result = await portal.page.evaluate(async (password) => {
      const configs = { passwordStorage: { password } };
      const method = window.sdk.BackupMethods.password;
      const address = await window.portal.createWallet();
      await window.portal.backupWallet(method, undefined, configs);
      const { SECP256K1 } = await window.portal.eject(method, configs);
      return { address, SECP256K1, ejectedAt: (await window.portal.getClient()).ejectedAt };
    }, PASSWORD);
    expect(evmAddressOfKey(result.SECP256K1)).toBe(result.address);
    expect(result.ejectedAt).not.toBeNull();
  });
});
