import { encryptClientBackupShare } from '../../crypto/backup-encryption.js';
import { addScalars, randomScalar, scalarToHex } from '../../crypto/scalars.js';
import type { BackupMethod } from '../../protocol/backup-methods.js';
import { mapCurves } from '../../protocol/curves.js';
import { MpcStatuses } from '../../protocol/mpc-statuses.js';
import { PortalProtocolError } from '../../protocol/portal-error.js';
import { ErrorCodes } from '../../protocol/portal-error-codes.js';
import { prepareEncryptionKey } from '../backup-keys.js';
import { encodeClientBackupShares } from '../client-backup-share-plaintext.js';
import { fieldsOf, type MessageHandler } from './handler-context.js';

/**
 * `portal:wasm:backup` → `{ cipherText, backupIds }`. A fresh 2-of-2 split of the same key into
 * backup shares, made without rebuilding the key: with a random r, the client backup share
 * is c + r and the custodian turns its s into s − r. The client share leaves encrypted; with
 * Portal-managed backups (environment.backupWithPortalEnabled) Portal keeps it as well.
 */
export const backupWallet: MessageHandler = (data, context) =>
  context.walletLock.run(async () => {
    const { session, server, signingShares, progress } = context;
    const { backupMethod, backupConfigs } = fieldsOf(data);
    const clientId = session.requireClientId();
    const key = await prepareEncryptionKey(backupMethod, backupConfigs, context);
    progress(MpcStatuses.ReadingShare);
    const clientSigningShares = signingShares.read(clientId);
    if (!clientSigningShares) {
      throw new PortalProtocolError(
        ErrorCodes.NotFound,
        'This device holds no signing shares: create or recover the wallet here before backing it up',
      );
    }
    progress(MpcStatuses.GeneratingShare);
    const blinding = mapCurves(randomScalar);
    const clientBackupShares = mapCurves((curve) => addScalars(curve, clientSigningShares[curve], blinding[curve]));
    progress(MpcStatuses.EncryptingShare);
    const cipherText = await encryptClientBackupShare(
      encodeClientBackupShares(clientBackupShares),
      backupMethod as BackupMethod,
      key.source,
    );
    progress(MpcStatuses.StoringShare);
    // The key first: a backup whose key was lost would be worse than a stray key.
    const persisted = await key.persist();
    const { environment } = await server.getClient();
    const { backupIds } = await server.createBackup({
      backupMethod: backupMethod as BackupMethod,
      blinding: mapCurves((curve) => scalarToHex(blinding[curve])),
      ...(environment.backupWithPortalEnabled ? { cipherText } : {}),
      ...persisted,
    });
    progress(MpcStatuses.Done);
    return { cipherText, backupIds };
  });
