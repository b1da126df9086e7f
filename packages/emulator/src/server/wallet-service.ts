import { curveArithmetic } from '../crypto/curve-arithmetic.js';
import { scalarFromHex, scalarToHex, subtractScalars } from '../crypto/scalars.js';
import type { BackupMethod } from '../protocol/backup-methods.js';
import { isBackupMethod } from '../protocol/backup-methods.js';
import type { BackupSharePair, ClientResponse } from '../protocol/client-response.js';
import { CURVES, mapCurves, type Curve, type PerCurve } from '../protocol/curves.js';
import type {
  AddressResponse,
  ClientBackupShareStoredReport,
  CreateBackupRequest,
  CreateBackupResponse,
  CreateWalletRequest,
  EjectRequest,
  EjectResponse,
  KeptClientBackupShareResponse,
  RecoverWalletRequest,
  SetBackupStatusRequest,
} from '../protocol/emulator-api.js';
import { PortalProtocolError } from '../protocol/portal-error.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import type { ClientRecord, WalletRecord } from './client-registry.js';
import { toClientResponse } from './client-response.js';
import { decodeCustodianBackupShare, encodeCustodianBackupShare } from './custodian-backup-share-codec.js';
import type { CustodianBackupShareStore } from './custodian-backup-share-store.js';
import { newId, now } from './ids.js';
import { addressesOf } from './wallet-addresses.js';

const STORED_CLIENT_BACKUP_SHARE = 'STORED_CLIENT_BACKUP_SHARE';

function badRequest(message: string): PortalProtocolError {
  return new PortalProtocolError(ErrorCodes.BadRequest, message);
}

function walletsOf(client: ClientRecord): PerCurve<WalletRecord> {
  if (!client.wallets)
    throw new PortalProtocolError(
      ErrorCodes.NotFound,
      'This client has no wallet yet: create one with createWallet() first',
    );
  return client.wallets;
}

function backupMethodOf(value: unknown): BackupMethod {
  if (!isBackupMethod(value)) throw badRequest(`Unknown backup method ${JSON.stringify(value)}`);
  return value;
}

/** Reads one hex scalar per curve from a request body. */
function scalarsFrom(value: unknown, what: string): PerCurve<bigint> {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return mapCurves((curve) => {
    const hex = record[curve];
    try {
      return scalarFromHex(curve, typeof hex === 'string' ? hex : '');
    } catch {
      throw badRequest(`${what} for ${curve} is not a valid scalar`);
    }
  });
}

function publicKeyFrom(curve: Curve, value: unknown, what: string): string {
  if (typeof value !== 'string' || !curveArithmetic(curve).isPublicKey(value))
    throw badRequest(`${what} for ${curve} is not a valid public key`);
  return value.toLowerCase();
}

/** The largest cipherText Portal-managed backups keep (an emulator cipherText is about 600 bytes). */
const MAX_CIPHERTEXT_LENGTH = 64 * 1024;

export interface WalletServiceOptions {
  /**
   * Portal-managed backups: Portal keeps the encrypted client backup share too, so a backup is
   * complete at once and `recoverWallet('', method)` recovers from the stored cipherText.
   */
  portalManagedBackups?: boolean;
}

const signingSharePair = () => ({ id: newId('ssp'), createdAt: now(), status: 'completed' as const });

export interface WalletService {
  readonly portalManagedBackups: boolean;
  clientResponse(client: ClientRecord): ClientResponse;
  createWallet(client: ClientRecord, request: CreateWalletRequest): AddressResponse;
  createBackup(client: ClientRecord, request: CreateBackupRequest): Promise<CreateBackupResponse>;
  /**
   * The custodian's half of any backup: keeps s − r as the custodian backup share of the method
   * and opens one backup share pair per curve (ids in CURVES order), replacing the method's
   * older pairs. `keptCipherText` completes them at once (Portal-managed backups).
   */
  storeCustodianBackupShares(
    client: ClientRecord,
    backupMethod: BackupMethod,
    blinding: PerCurve<bigint>,
    keptCipherText: string | null,
  ): Promise<string[]>;
  /**
   * The custodian backup shares of a method, once checked to rebuild the wallet's public keys
   * with the client backup shares whose public shares (cb·G) are given.
   */
  checkedCustodianBackupShares(
    client: ClientRecord,
    backupMethod: BackupMethod,
    clientBackupPublicShares: PerCurve<string>,
  ): Promise<PerCurve<bigint>>;
  /** `recoverWallet('', method)`: the cipherText Portal keeps for Portal-managed backups. */
  keptClientBackupShare(client: ClientRecord, backupMethod: unknown): KeptClientBackupShareResponse;
  /** `storageCallback()` → `portal:api:setBackupStatus`: marks the named pairs completed. */
  setBackupStatus(client: ClientRecord, request: SetBackupStatusRequest): void;
  /** `storedClientBackupShare(success, method)`: true completes the method's pairs, false leaves them incomplete. */
  reportClientBackupShareStored(client: ClientRecord, report: ClientBackupShareStoredReport): void;
  recoverWallet(client: ClientRecord, request: RecoverWalletRequest): Promise<AddressResponse>;
  /**
   * `eject`: releases the custodian backup shares once they and the client's public shares
   * rebuild the wallet's keys, and marks the client ejected (`ejectedAt`).
   */
  eject(client: ClientRecord, request: EjectRequest): Promise<EjectResponse>;
}

/**
 * The custodian's half of every wallet operation. The server never sees a client share:
 * backup and recovery re-randomise shares with a blinding value r sent by the iframe
 * (custodian share s − r, client share c + r), so the private key is never put back together
 * here, and a recovery is accepted only when the two backup shares add up to the wallet's
 * public key.
 */
export function createWalletService(
  custodian: CustodianBackupShareStore,
  options: WalletServiceOptions = {},
): WalletService {
  const portalManagedBackups = options.portalManagedBackups ?? false;

  function clientResponse(client: ClientRecord): ClientResponse {
    return toClientResponse(client, portalManagedBackups);
  }

  function createWallet(client: ClientRecord, request: CreateWalletRequest): AddressResponse {
    if (client.wallets)
      throw badRequest(
        'This client already has a wallet: recover it with recoverWallet() instead of generating another',
      );
    const body = (request?.wallets ?? {}) as Record<
      string,
      { publicKey?: unknown; custodianSigningShare?: unknown } | undefined
    >;
    const custodianShares = scalarsFrom(
      mapCurves((curve) => body[curve]?.custodianSigningShare),
      'The custodian signing share',
    );
    const createdAt = now();
    client.wallets = mapCurves((curve) => ({
      id: newId('wallet'),
      curve,
      createdAt,
      publicKey: publicKeyFrom(curve, body[curve]?.publicKey, 'The public key'),
      custodianSigningShare: custodianShares[curve],
      signingSharePairs: [signingSharePair()],
      backupSharePairs: [],
    }));
    return { address: addressesOf(client).eip155 };
  }

  async function createBackup(client: ClientRecord, request: CreateBackupRequest): Promise<CreateBackupResponse> {
    walletsOf(client);
    const backupMethod = backupMethodOf(request?.backupMethod);
    const blinding = scalarsFrom(request?.blinding, 'The blinding value');
    const cipherText = clientBackupShareToKeep(request?.cipherText);
    return { backupIds: await storeCustodianBackupShares(client, backupMethod, blinding, cipherText) };
  }

  async function storeCustodianBackupShares(
    client: ClientRecord,
    backupMethod: BackupMethod,
    blinding: PerCurve<bigint>,
    cipherText: string | null,
  ): Promise<string[]> {
    const wallets = walletsOf(client);
    const custodianBackupShares = mapCurves((curve) =>
      subtractScalars(curve, wallets[curve].custodianSigningShare, blinding[curve]),
    );
    // Stored first: if the custodian (or its webhook) fails, the client keeps its previous pairs.
    await custodian.save(client.id, backupMethod, encodeCustodianBackupShare(custodianBackupShares));
    client.custodianBackupShares.set(backupMethod, {
      backupMethod,
      storedAt: now(),
      location: custodian.location,
    });
    // Portal-managed: Portal now holds both halves of the backup, so it is complete at once.
    if (cipherText !== null)
      client.keptClientBackupShares.set(backupMethod, { backupMethod, cipherText, storedAt: now() });
    const status = cipherText === null ? 'incomplete' : 'completed';
    // The previous pairs of this method are gone: their custodian share has just been replaced.
    return CURVES.map((curve) => {
      const pair: BackupSharePair = { id: newId('bsp'), createdAt: now(), status, backupMethod };
      const wallet = wallets[curve];
      for (const replaced of wallet.backupSharePairs.filter((existing) => existing.backupMethod === backupMethod))
        client.backupSharePairCipherTexts.delete(replaced.id);
      wallet.backupSharePairs = [
        ...wallet.backupSharePairs.filter((existing) => existing.backupMethod !== backupMethod),
        pair,
      ];
      return pair.id;
    });
  }

  /** The cipherText a Portal-managed backup keeps; null when the app keeps it (and none may be sent). */
  function clientBackupShareToKeep(cipherText: unknown): string | null {
    if (!portalManagedBackups) {
      if (cipherText !== undefined)
        throw badRequest('The emulator keeps client backup shares only with portalManagedBackups');
      return null;
    }
    if (typeof cipherText !== 'string' || cipherText === '' || cipherText.length > MAX_CIPHERTEXT_LENGTH) {
      throw badRequest('Portal-managed backups need the encrypted client backup share (cipherText)');
    }
    return cipherText;
  }

  function keptClientBackupShare(client: ClientRecord, backupMethodValue: unknown): KeptClientBackupShareResponse {
    const backupMethod = backupMethodOf(backupMethodValue);
    if (!portalManagedBackups) {
      throw new PortalProtocolError(
        ErrorCodes.FailedToDecodeCipher,
        'Failed to decode the cipherText: none was given. This emulator does not keep client backup shares (environment.backupWithPortalEnabled is false), so pass the cipherText your app stored, or start it with portalManagedBackups: true (--portal-managed)',
      );
    }
    const kept = client.keptClientBackupShares.get(backupMethod);
    if (!kept) {
      throw new PortalProtocolError(
        ErrorCodes.NotFound,
        `Portal keeps no ${backupMethod} client backup share for this client: back the wallet up with ${backupMethod} first`,
      );
    }
    return { cipherText: kept.cipherText };
  }

  function setBackupStatus(client: ClientRecord, request: SetBackupStatusRequest): void {
    if (request?.status !== STORED_CLIENT_BACKUP_SHARE) {
      throw badRequest(
        `Unsupported backup status ${JSON.stringify(request?.status)}; the emulator knows '${STORED_CLIENT_BACKUP_SHARE}'`,
      );
    }
    const ids = request.backupIds;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
      throw badRequest('backupIds must be the non-empty list of ids that backupWallet returned');
    }
    const pairs = CURVES.flatMap((curve) => client.wallets?.[curve].backupSharePairs ?? []);
    const unknown = ids.filter((id) => !pairs.some((pair) => pair.id === id));
    if (unknown.length > 0)
      throw new PortalProtocolError(ErrorCodes.NotFound, `Unknown backup share pair id(s): ${unknown.join(', ')}`);
    for (const pair of pairs) if (ids.includes(pair.id)) pair.status = 'completed';
    client.backupStatus = STORED_CLIENT_BACKUP_SHARE;
  }

  function reportClientBackupShareStored(client: ClientRecord, report: ClientBackupShareStoredReport): void {
    const backupMethod = backupMethodOf(report?.backupMethod);
    if (typeof report.success !== 'boolean') throw badRequest('success must be a boolean');
    const pairs = CURVES.flatMap((curve) => client.wallets?.[curve].backupSharePairs ?? []).filter(
      (pair) => pair.backupMethod === backupMethod,
    );
    if (pairs.length === 0) {
      throw new PortalProtocolError(
        ErrorCodes.NotFound,
        `There is no ${backupMethod} backup to mark as stored: run backupWallet(${backupMethod}) first`,
      );
    }
    for (const pair of pairs) pair.status = report.success ? 'completed' : 'incomplete';
    if (report.success) client.backupStatus = STORED_CLIENT_BACKUP_SHARE;
  }

  async function recoverWallet(client: ClientRecord, request: RecoverWalletRequest): Promise<AddressResponse> {
    const wallets = walletsOf(client);
    const backupMethod = backupMethodOf(request?.backupMethod);
    const blinding = scalarsFrom(request?.blinding, 'The blinding value');
    const custodianBackupShares = await checkedCustodianBackupShares(
      client,
      backupMethod,
      request?.clientBackupPublicShares,
    );
    // Every check passed: only now do the custodian's signing shares change.
    for (const curve of CURVES) {
      wallets[curve].custodianSigningShare = subtractScalars(curve, custodianBackupShares[curve], blinding[curve]);
      wallets[curve].signingSharePairs = [signingSharePair()];
    }
    return { address: addressesOf(client).eip155 };
  }

  async function eject(client: ClientRecord, request: EjectRequest): Promise<EjectResponse> {
    const backupMethod = backupMethodOf(request?.backupMethod);
    const given = request?.organizationBackupShare;
    if (given !== undefined && (typeof given !== 'string' || given === '')) {
      throw badRequest('organizationBackupShare must be the custodian backup share your server stored');
    }
    if (given === undefined && !portalManagedBackups) {
      throw badRequest(
        'Self-managed backups export with the custodian backup share your server stored: pass it as orgBackupShare',
      );
    }
    const shares = await checkedCustodianBackupShares(
      client,
      backupMethod,
      request?.clientBackupPublicShares,
      given ?? null,
    );
    client.ejectedAt = now();
    return { custodianBackupShares: mapCurves((curve) => scalarToHex(shares[curve])) };
  }

  async function checkedCustodianBackupShares(
    client: ClientRecord,
    backupMethod: BackupMethod,
    clientBackupPublicShares: unknown,
    givenShare: string | null = null,
  ): Promise<PerCurve<bigint>> {
    const wallets = walletsOf(client);
    const clientPublicShares = (clientBackupPublicShares ?? {}) as Record<string, unknown>;
    const stored = givenShare ?? (await custodian.load(client.id, backupMethod));
    let custodianBackupShares: PerCurve<bigint>;
    try {
      custodianBackupShares = decodeCustodianBackupShare(stored);
    } catch {
      throw badRequest(
        `The ${givenShare === null ? 'stored' : 'given'} ${backupMethod} custodian backup share is not one the emulator wrote`,
      );
    }
    for (const curve of CURVES) {
      const arithmetic = curveArithmetic(curve);
      const clientPublicShare = publicKeyFrom(curve, clientPublicShares[curve], 'The client backup public share');
      const rebuilt = arithmetic.addPublicKeys(clientPublicShare, arithmetic.publicKeyOf(custodianBackupShares[curve]));
      if (rebuilt !== wallets[curve].publicKey) {
        throw new PortalProtocolError(
          ErrorCodes.ShareMismatch,
          `The ${backupMethod} backup shares do not rebuild this wallet's ${curve} key: the cipherText belongs to another wallet or to an older backup that was replaced`,
        );
      }
    }
    return custodianBackupShares;
  }

  return {
    portalManagedBackups,
    clientResponse,
    createWallet,
    createBackup,
    storeCustodianBackupShares,
    checkedCustodianBackupShares,
    keptClientBackupShare,
    setBackupStatus,
    reportClientBackupShareStored,
    recoverWallet,
    eject,
  };
}
