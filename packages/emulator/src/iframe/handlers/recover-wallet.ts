import { decryptClientBackupShare } from '../../crypto/backup-encryption.js';
import { curveArithmetic } from '../../crypto/curve-arithmetic.js';
import { addScalars, randomScalar, scalarToHex } from '../../crypto/scalars.js';
import { isBackupMethod, type BackupMethod } from '../../protocol/backup-methods.js';
import { mapCurves, type PerCurve } from '../../protocol/curves.js';
import { MpcStatuses } from '../../protocol/mpc-statuses.js';
import { PortalProtocolError } from '../../protocol/portal-error.js';
import { ErrorCodes } from '../../protocol/portal-error-codes.js';
import { checkRecoveryMethod, decryptionKeyFor, unsupportedMethod } from '../backup-keys.js';
import { enclaveBackupSharesFrom } from '../enclave-backup-shares.js';
import { clientBackupEnvelopeFor } from '../client-backup-envelope.js';
import { decodeClientBackupShares } from '../client-backup-share-plaintext.js';
import { fieldsOf, type HandlerContext, type MessageHandler } from './handler-context.js';

/**
 * `portal:wasm:recover` → the EVM address. An empty cipherText means "the one Portal keeps"
 * (Portal-managed backups; otherwise 405). Decrypts the client backup share (wrong password or
 * key: 407, nothing changes), lets the server check that it and the custodian backup share add
 * up to the wallet's public keys, then issues new signing shares (cb + r′ here, sb − r′ there).
 */
export const recoverWallet: MessageHandler = (data, context) =>
  context.walletLock.run(async () => {
    const { session, server, progress } = context;
    const { cipherText, backupMethod, backupConfigs } = fieldsOf(data);
    const clientId = session.requireClientId();
    if (cipherText !== undefined && typeof cipherText !== 'string') {
      throw new PortalProtocolError(ErrorCodes.FailedToDecodeCipher, 'Failed to decode the cipherText: not a string');
    }
    const enclaveShares = cipherText === undefined ? null : enclaveBackupSharesFrom(cipherText);
    if (enclaveShares) {
      // An Enclave MPC API backup: the server checks the method against the backup's pairs.
      if (!isBackupMethod(backupMethod)) return unsupportedMethod(backupMethod);
      progress(MpcStatuses.ReadingShare);
      return recoverFrom(enclaveShares, backupMethod, context, clientId);
    }
    const method = checkRecoveryMethod(backupMethod, session);
    progress(MpcStatuses.ReadingShare);
    const envelope = await clientBackupEnvelopeFor(cipherText, method, server);
    const keyMaterial = await decryptionKeyFor(envelope, backupConfigs, context);
    progress(MpcStatuses.DecryptingShare);
    return recoverFrom(
      decodeClientBackupShares(await decryptClientBackupShare(envelope, keyMaterial)),
      method,
      context,
      clientId,
    );
  });

/** New signing shares from the client backup shares: cb + r′ here, sb − r′ at the custodian. */
async function recoverFrom(
  clientBackupShares: PerCurve<bigint>,
  method: BackupMethod,
  { server, signingShares, progress }: HandlerContext,
  clientId: string,
): Promise<string> {
  progress(MpcStatuses.RecoveringBackupShare);
  const blinding = mapCurves(randomScalar);
  const newClientSigningShares = mapCurves((curve) => addScalars(curve, clientBackupShares[curve], blinding[curve]));
  progress(MpcStatuses.RecoveringSigningShare);
  const { address } = await server.recoverWallet({
    backupMethod: method,
    clientBackupPublicShares: mapCurves((curve) => curveArithmetic(curve).publicKeyOf(clientBackupShares[curve])),
    blinding: mapCurves((curve) => scalarToHex(blinding[curve])),
  });
  progress(MpcStatuses.StoringShare);
  signingShares.write(clientId, newClientSigningShares);
  progress(MpcStatuses.Done);
  return address;
}
