import { describe, expect, it } from 'vitest';
import { evmAddressOf } from '../crypto/addresses.js';
import { curveArithmetic } from '../crypto/curve-arithmetic.js';
import { addScalars, randomScalar, scalarToHex, splitSecret } from '../crypto/scalars.js';
import { mapCurves, type PerCurve } from '../protocol/curves.js';
import { createClientRegistry, type ClientRecord } from './client-registry.js';
import { toClientResponse } from './client-response.js';
import { createInMemoryCustodianBackupShareStore } from './custodian-backup-share-store.js';
import { createWalletService, type WalletService } from './wallet-service.js';

/** Plays the iframe's half of each operation, the way src/iframe/handlers do. */
function newWalletRequest() {
  const secrets = mapCurves(randomScalar);
  const signing = mapCurves((curve) => splitSecret(curve, secrets[curve]));
  const request = {
    wallets: mapCurves((curve) => ({
      publicKey: curveArithmetic(curve).publicKeyOf(secrets[curve]),
      custodianSigningShare: scalarToHex(signing[curve].second),
    })),
  };
  return { request, secrets, clientSigningShares: mapCurves((curve) => signing[curve].first) };
}

function setUp() {
  const custodian = createInMemoryCustodianBackupShareStore();
  const service = createWalletService(custodian);
  const client = createClientRegistry().getOrCreate('api-key');
  const { request, secrets, clientSigningShares } = newWalletRequest();
  const { address } = service.createWallet(client, request);
  return { custodian, service, client, secrets, clientSigningShares, address };
}

async function backUp(service: WalletService, client: ClientRecord, clientSigningShares: PerCurve<bigint>) {
  const blinding = mapCurves(randomScalar);
  const { backupIds } = await service.createBackup(client, {
    backupMethod: 'PASSWORD',
    blinding: mapCurves((curve) => scalarToHex(blinding[curve])),
  });
  return {
    backupIds,
    clientBackupShares: mapCurves((curve) => addScalars(curve, clientSigningShares[curve], blinding[curve])),
  };
}

function recoveryRequest(clientBackupShares: PerCurve<bigint>) {
  return {
    backupMethod: 'PASSWORD' as const,
    clientBackupPublicShares: mapCurves((curve) => curveArithmetic(curve).publicKeyOf(clientBackupShares[curve])),
    blinding: mapCurves((curve) => scalarToHex(randomScalar(curve))),
  };
}

const custodianSigningShares = (client: ClientRecord) =>
  mapCurves((curve) => client.wallets?.[curve].custodianSigningShare);

describe('the custodian side of the wallet', () => {
  it('keeps the wallet whose public keys the client sent, with its EVM address', () => {
    const { client, secrets, address } = setUp();
    expect(address).toBe(evmAddressOf(curveArithmetic('SECP256K1').publicKeyOf(secrets.SECP256K1)));
    expect(toClientResponse(client).metadata.namespaces.eip155).toEqual({ curve: 'SECP256K1', address });
  });

  it('refuses a public key that is not on the curve', () => {
    const service = createWalletService(createInMemoryCustodianBackupShareStore());
    const client = createClientRegistry().getOrCreate('api-key');
    const { request } = newWalletRequest();
    expect(() =>
      service.createWallet(client, {
        wallets: { ...request.wallets, ED25519: { ...request.wallets.ED25519, publicKey: 'ff'.repeat(32) } },
      }),
    ).toThrow(expect.objectContaining({ code: 201 }));
    expect(client.wallets).toBeNull();
  });

  it('refuses a second wallet for the same client', () => {
    const { service, client } = setUp();
    expect(() => service.createWallet(client, newWalletRequest().request)).toThrow(
      expect.objectContaining({ code: 201 }),
    );
  });

  it('turns its signing share into a backup share that rebuilds the key with the client backup share', async () => {
    const { custodian, service, client, secrets, clientSigningShares } = setUp();
    const { clientBackupShares } = await backUp(service, client, clientSigningShares);
    const stored = JSON.parse(await custodian.load(client.id, 'PASSWORD')) as Record<string, string>;
    for (const curve of ['SECP256K1', 'ED25519'] as const) {
      expect(addScalars(curve, clientBackupShares[curve], BigInt(`0x${stored[curve]}`))).toBe(secrets[curve]);
    }
  });

  it('creates incomplete backup pairs that storedClientBackupShare(true) completes and (false) leaves incomplete', async () => {
    const { service, client, clientSigningShares } = setUp();
    const { backupIds } = await backUp(service, client, clientSigningShares);
    const statuses = () =>
      toClientResponse(client).wallets.flatMap((wallet) =>
        wallet.backupSharePairs.map((pair) => [pair.id, pair.status]),
      );
    expect(statuses()).toEqual(backupIds.map((id) => [id, 'incomplete']));
    service.reportClientBackupShareStored(client, { success: false, backupMethod: 'PASSWORD' });
    expect(statuses()).toEqual(backupIds.map((id) => [id, 'incomplete']));
    service.reportClientBackupShareStored(client, { success: true, backupMethod: 'PASSWORD' });
    expect(statuses()).toEqual(backupIds.map((id) => [id, 'completed']));
    expect(toClientResponse(client).backupStatus).toBe('STORED_CLIENT_BACKUP_SHARE');
  });

  it('completes pairs by id through setBackupStatus, and refuses unknown ids and statuses', async () => {
    const { service, client, clientSigningShares } = setUp();
    const { backupIds } = await backUp(service, client, clientSigningShares);
    expect(() =>
      service.setBackupStatus(client, { backupIds: ['bsp_unknown'], status: 'STORED_CLIENT_BACKUP_SHARE' }),
    ).toThrow(expect.objectContaining({ code: 203 }));
    expect(() => service.setBackupStatus(client, { backupIds, status: 'SOMETHING_ELSE' })).toThrow(
      expect.objectContaining({ code: 201 }),
    );
    service.setBackupStatus(client, { backupIds: [backupIds[0] as string], status: 'STORED_CLIENT_BACKUP_SHARE' });
    expect(toClientResponse(client).wallets.map((wallet) => wallet.backupSharePairs[0]?.status)).toEqual([
      'completed',
      'incomplete',
    ]);
  });

  it('refuses storedClientBackupShare for a method that was never backed up', () => {
    const { service, client } = setUp();
    expect(() => service.reportClientBackupShareStored(client, { success: true, backupMethod: 'GDRIVE' })).toThrow(
      expect.objectContaining({ code: 203 }),
    );
  });

  it('recovers with the right backup share: same address, new custodian signing shares', async () => {
    const { service, client, clientSigningShares, address } = setUp();
    const { clientBackupShares } = await backUp(service, client, clientSigningShares);
    const before = custodianSigningShares(client);
    const pairIdsBefore = client.wallets?.SECP256K1.signingSharePairs.map((pair) => pair.id);
    expect(await service.recoverWallet(client, recoveryRequest(clientBackupShares))).toEqual({ address });
    expect(custodianSigningShares(client).SECP256K1).not.toBe(before.SECP256K1);
    expect(custodianSigningShares(client).ED25519).not.toBe(before.ED25519);
    expect(client.wallets?.SECP256K1.signingSharePairs.map((pair) => pair.id)).not.toEqual(pairIdsBefore);
  });

  it('refuses with 113 a backup share that does not rebuild the key, changing nothing', async () => {
    const { service, client, clientSigningShares } = setUp();
    const { clientBackupShares } = await backUp(service, client, clientSigningShares);
    const before = custodianSigningShares(client);
    const wrong = { ...clientBackupShares, ED25519: addScalars('ED25519', clientBackupShares.ED25519, 1n) };
    await expect(service.recoverWallet(client, recoveryRequest(wrong))).rejects.toMatchObject({ code: 113 });
    expect(custodianSigningShares(client)).toEqual(before);
  });

  it('refuses with 203 a recovery for a method that has no custodian backup share', async () => {
    const { service, client, clientSigningShares } = setUp();
    await expect(
      service.recoverWallet(client, { ...recoveryRequest(clientSigningShares), backupMethod: 'GDRIVE' }),
    ).rejects.toMatchObject({ code: 203 });
  });
});

describe('Portal-managed backups (portalManagedBackups)', () => {
  function setUpPortalManaged() {
    const service = createWalletService(createInMemoryCustodianBackupShareStore(), { portalManagedBackups: true });
    const client = createClientRegistry().getOrCreate('api-key');
    const { request, clientSigningShares } = newWalletRequest();
    service.createWallet(client, request);
    const backUpWith = (cipherText: unknown) =>
      service.createBackup(client, {
        backupMethod: 'PASSWORD',
        blinding: mapCurves((curve) => scalarToHex(randomScalar(curve))),
        cipherText: cipherText as string,
      });
    return { service, client, clientSigningShares, backUpWith };
  }

  it('says backupWithPortalEnabled, keeps the cipherText and completes the pairs at once', async () => {
    const { service, client, backUpWith } = setUpPortalManaged();
    expect(service.clientResponse(client).environment.backupWithPortalEnabled).toBe(true);
    const { backupIds } = await backUpWith('first-cipher-text');
    expect(
      service.clientResponse(client).wallets.flatMap((wallet) => wallet.backupSharePairs.map((p) => [p.id, p.status])),
    ).toEqual(backupIds.map((id) => [id, 'completed']));
    expect(service.keptClientBackupShare(client, 'PASSWORD')).toEqual({ cipherText: 'first-cipher-text' });
  });

  it('replaces the kept cipherText of a method with the next backup of that method', async () => {
    const { service, client, backUpWith } = setUpPortalManaged();
    await backUpWith('first-cipher-text');
    await backUpWith('second-cipher-text');
    expect(service.keptClientBackupShare(client, 'PASSWORD')).toEqual({ cipherText: 'second-cipher-text' });
    expect(() => service.keptClientBackupShare(client, 'GDRIVE')).toThrow(expect.objectContaining({ code: 203 }));
  });

  it('refuses a Portal-managed backup without a cipherText, changing nothing', async () => {
    const { service, client, backUpWith } = setUpPortalManaged();
    await expect(backUpWith(undefined)).rejects.toMatchObject({ code: 201 });
    await expect(backUpWith('')).rejects.toMatchObject({ code: 201 });
    expect(service.clientResponse(client).wallets.flatMap((wallet) => wallet.backupSharePairs)).toEqual([]);
    expect(client.custodianBackupShares.size).toBe(0);
  });

  it('keeps nothing by default: backupWithPortalEnabled is false, a cipherText is refused and none is handed out', async () => {
    const { service, client, clientSigningShares } = setUp();
    expect(service.clientResponse(client).environment.backupWithPortalEnabled).toBe(false);
    await expect(
      service.createBackup(client, {
        backupMethod: 'PASSWORD',
        blinding: mapCurves((curve) => scalarToHex(randomScalar(curve))),
        cipherText: 'a-cipher-text',
      }),
    ).rejects.toMatchObject({ code: 201 });
    await backUp(service, client, clientSigningShares);
    expect(() => service.keptClientBackupShare(client, 'PASSWORD')).toThrow(
      expect.objectContaining({ code: 405, message: expect.stringContaining('portalManagedBackups') }),
    );
  });
});
