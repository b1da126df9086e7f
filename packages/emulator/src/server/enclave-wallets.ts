import { curveArithmetic } from '../crypto/curve-arithmetic.js';
import {
  addScalars,
  randomScalar,
  scalarFromHex,
  scalarToHex,
  splitSecret,
  subtractScalars,
} from '../crypto/scalars.js';
import { BackupMethods, isBackupMethod, type BackupMethod } from '../protocol/backup-methods.js';
import type { BackupSharePair } from '../protocol/client-response.js';
import { CURVES, mapCurves, type Curve, type PerCurve } from '../protocol/curves.js';
import {
  BACKUP_SHARE_FIELDS,
  BACKUP_SHARE_PAIR_STATUSES,
  type BackupSharePairStatusUpdate,
  type EnclaveBackupResponse,
  type SigningSharesResponse,
} from '../protocol/enclave-api.js';
import type { ClientRecord } from './client-registry.js';
import { HttpError } from './http-json.js';
import type { WalletService } from './wallet-service.js';

/** The largest clientCipherText kept per pair (a KMS envelope of one share is well under 4 kB). */
const MAX_CLIENT_CIPHERTEXT_LENGTH = 64 * 1024;

const badField = (field: string, message: string) => new HttpError(400, message, field);

function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A JSON string field of the body, parsed (seed 002 sends `generateResponse: JSON.stringify(shares)`). */
function jsonField(body: unknown, field: string): Record<string, unknown> {
  const text = objectOf(body)?.[field];
  if (typeof text !== 'string' || text === '') throw badField(field, `${field} must be a JSON string`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badField(field, `${field} is not valid JSON`);
  }
  const record = objectOf(parsed);
  if (!record) throw badField(field, `${field} must be a JSON object`);
  return record;
}

function scalarField(curve: Curve, value: unknown, field: string): bigint {
  try {
    return scalarFromHex(curve, typeof value === 'string' ? value : '');
  } catch {
    throw badField(field, `${field} must be a ${curve} share (a hex scalar)`);
  }
}

function walletsOf(client: ClientRecord) {
  if (!client.wallets) throw new HttpError(404, 'This client has no wallet yet: POST /v1/generate first');
  return client.wallets;
}

function allBackupSharePairs(client: ClientRecord): { curve: Curve; pair: BackupSharePair }[] {
  return CURVES.flatMap((curve) => (client.wallets?.[curve].backupSharePairs ?? []).map((pair) => ({ curve, pair })));
}

/**
 * Portal's Enclave MPC API and backup-share-pair API over the emulator's wallets. The enclave
 * plays the client's side of each operation, so it sees the client's shares during a call;
 * it keeps none of them. The custodian's side is the wallet service's, exactly as for the
 * iframe: same keys, same 2-of-2 split, same backup share pairs, so getClient shows the result
 * to the web SDK too.
 */
export function createEnclaveWallets(wallets: WalletService) {
  /** `POST /v1/generate`: a fresh secp256k1 and ed25519 key, split at once; the client's halves are returned. */
  function generate(client: ClientRecord): SigningSharesResponse {
    if (client.wallets)
      throw new HttpError(409, 'This client already has a wallet: recover it (POST /v1/recover) instead');
    const secrets = mapCurves(randomScalar);
    const shares = mapCurves((curve) => splitSecret(curve, secrets[curve]));
    wallets.createWallet(client, {
      wallets: mapCurves((curve) => ({
        publicKey: curveArithmetic(curve).publicKeyOf(secrets[curve]),
        custodianSigningShare: scalarToHex(shares[curve].second),
      })),
    });
    return signingSharesOf(
      client,
      mapCurves((curve) => shares[curve].first),
    );
  }

  function signingSharesOf(client: ClientRecord, shares: PerCurve<bigint>): SigningSharesResponse {
    const records = walletsOf(client);
    return mapCurves((curve) => ({
      id: records[curve].signingSharePairs[0]?.id ?? '',
      share: scalarToHex(shares[curve]),
    }));
  }

  /** Reads the generate response's client signing shares and checks they are this wallet's. */
  function clientSigningSharesFrom(client: ClientRecord, body: unknown): PerCurve<bigint> {
    const records = walletsOf(client);
    const generated = jsonField(body, 'generateResponse');
    return mapCurves((curve) => {
      const field = `generateResponse.${curve}.share`;
      const share = scalarField(curve, objectOf(generated[curve])?.share, field);
      const arithmetic = curveArithmetic(curve);
      const rebuilt = arithmetic.addPublicKeys(
        arithmetic.publicKeyOf(share),
        arithmetic.publicKeyOf(records[curve].custodianSigningShare),
      );
      if (rebuilt !== records[curve].publicKey)
        throw badField(field, `${field} is not this client's ${curve} signing share`);
      return share;
    });
  }

  /**
   * `POST /v1/backup`: re-randomises the shares into a backup pair (client c + r, custodian
   * s − r). The pairs stay incomplete until they are marked stored.
   */
  async function backup(client: ClientRecord, body: unknown): Promise<EnclaveBackupResponse> {
    const clientSigningShares = clientSigningSharesFrom(client, body);
    const method = objectOf(body)?.backupMethod ?? BackupMethods.unknown;
    if (!isBackupMethod(method))
      throw badField('backupMethod', `backupMethod must be one of ${Object.values(BackupMethods).join(', ')}`);
    const blinding = mapCurves(randomScalar);
    const ids = await wallets.storeCustodianBackupShares(client, method, blinding, null);
    const response = {} as EnclaveBackupResponse;
    CURVES.forEach((curve, index) => {
      response[BACKUP_SHARE_FIELDS[curve]] = {
        id: ids[index] as string,
        share: scalarToHex(addScalars(curve, clientSigningShares[curve], blinding[curve])),
      };
    });
    return response;
  }

  /** The backup response's shares: seed 002's `{ secp256k1Share, ed25519Share }` or seed 000's `{ SECP256K1, ED25519 }`. */
  function backupSharesFrom(client: ClientRecord, body: unknown): { method: BackupMethod; shares: PerCurve<bigint> } {
    const backupResponse = jsonField(body, 'backupResponse');
    const pairs = allBackupSharePairs(client);
    const methods = new Set<BackupMethod>();
    const shares = mapCurves((curve) => {
      const key = BACKUP_SHARE_FIELDS[curve] in backupResponse ? BACKUP_SHARE_FIELDS[curve] : curve;
      const entry = objectOf(backupResponse[key]);
      const field = `backupResponse.${key}`;
      if (!entry) throw badField(field, `${field} must be { id, share }`);
      if (typeof entry.id !== 'string') throw badField(`${field}.id`, `${field}.id must be a backup share pair id`);
      const pair = pairs.find((candidate) => candidate.curve === curve && candidate.pair.id === entry.id);
      if (!pair) throw new HttpError(404, `No ${curve} backup share pair ${entry.id} for this client`, `${field}.id`);
      methods.add(pair.pair.backupMethod);
      return scalarField(curve, entry.share, `${field}.share`);
    });
    const [method, ...others] = [...methods];
    if (!method || others.length > 0)
      throw badField('backupResponse', 'backupResponse mixes the shares of two different backups');
    return { method, shares };
  }

  /**
   * `POST /v1/recover`: checks that the client backup shares and the custodian's rebuild the
   * wallet's keys, then hands back client signing shares for the custodian's current ones
   * (cb + sb − s). It rotates nothing, so a verification run (seed 000) leaves every device
   * that holds the wallet working; the shares it returns equal the current ones.
   */
  async function recover(client: ClientRecord, body: unknown): Promise<SigningSharesResponse> {
    const records = walletsOf(client);
    const { method, shares } = backupSharesFrom(client, body);
    const custodianBackupShares = await wallets
      .checkedCustodianBackupShares(
        client,
        method,
        mapCurves((curve) => curveArithmetic(curve).publicKeyOf(shares[curve])),
      )
      .catch((error: unknown) => {
        throw new HttpError(
          422,
          `The backup shares do not recover this wallet: ${error instanceof Error ? error.message : 'unknown reason'}`,
        );
      });
    return signingSharesOf(
      client,
      mapCurves((curve) =>
        subtractScalars(
          curve,
          addScalars(curve, shares[curve], custodianBackupShares[curve]),
          records[curve].custodianSigningShare,
        ),
      ),
    );
  }

  function publicPair({ pair }: { pair: BackupSharePair }): BackupSharePair {
    return { ...pair };
  }

  /** `POST /api/v3/clients/me/backup-share-pairs/{id}`: keeps the pair's clientCipherText (seed 002 step 3). */
  function storeClientCipherText(client: ClientRecord, pairId: string, body: unknown): BackupSharePair {
    const found = allBackupSharePairs(client).find(({ pair }) => pair.id === pairId);
    if (!found) throw new HttpError(404, `No backup share pair ${pairId} for this client`);
    const cipherText = objectOf(body)?.clientCipherText;
    if (typeof cipherText !== 'string' || cipherText === '')
      throw badField('clientCipherText', 'clientCipherText must be a non-empty string');
    if (cipherText.length > MAX_CLIENT_CIPHERTEXT_LENGTH)
      throw badField('clientCipherText', `clientCipherText is longer than ${MAX_CLIENT_CIPHERTEXT_LENGTH} characters`);
    client.backupSharePairCipherTexts.set(pairId, cipherText);
    return publicPair(found);
  }

  /** `PATCH /api/v3/clients/me/backup-share-pairs`: marks the named pairs completed, all or none. */
  function updateBackupSharePairs(client: ClientRecord, body: unknown): { backupSharePairs: BackupSharePair[] } {
    const record = objectOf(body);
    const status = record?.status;
    if (!BACKUP_SHARE_PAIR_STATUSES.includes(status as BackupSharePairStatusUpdate))
      throw badField('status', `status must be one of ${BACKUP_SHARE_PAIR_STATUSES.join(', ')}`);
    const ids = record?.backupSharePairIds;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id !== ''))
      throw badField('backupSharePairIds', 'backupSharePairIds must be a non-empty list of backup share pair ids');
    const pairs = allBackupSharePairs(client);
    const unknown = ids.filter((id) => !pairs.some(({ pair }) => pair.id === id));
    if (unknown.length > 0)
      throw new HttpError(404, `Unknown backup share pair id(s): ${unknown.join(', ')}`, 'backupSharePairIds');
    const marked = pairs.filter(({ pair }) => ids.includes(pair.id));
    for (const { pair } of marked) pair.status = 'completed';
    client.backupStatus = status as BackupSharePairStatusUpdate;
    return { backupSharePairs: marked.map(publicPair) };
  }

  return { generate, backup, recover, storeClientCipherText, updateBackupSharePairs };
}

export type EnclaveWallets = ReturnType<typeof createEnclaveWallets>;
