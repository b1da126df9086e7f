import { decryptClientBackupShare } from '../../crypto/backup-encryption.js';
import { curveArithmetic } from '../../crypto/curve-arithmetic.js';
import { addScalars, scalarFromHex, scalarToHex } from '../../crypto/scalars.js';
import { mapCurves, type PerCurve } from '../../protocol/curves.js';
import { PortalProtocolError } from '../../protocol/portal-error.js';
import { ErrorCodes } from '../../protocol/portal-error-codes.js';
import { checkRecoveryMethod, decryptionKeyFor } from '../backup-keys.js';
import { clientBackupEnvelopeFor } from '../client-backup-envelope.js';
import { decodeClientBackupShares } from '../client-backup-share-plaintext.js';
import { fieldsOf, type HandlerContext, type MessageHandler } from './handler-context.js';

/**
 * The private keys, put back together from the two backup shares: decrypts the client backup
 * share as recovery does (wrong password or key: 407), lets the server check it against the
 * custodian backup share (the app's, for self-managed backups) and release that share, then
 * adds them. Keys travel as lowercase hex scalars, no 0x.
 */
async function ejectedKeys(
  cipherText: unknown,
  backupMethod: unknown,
  backupConfigs: unknown,
  organizationBackupShare: string | undefined,
  context: HandlerContext,
): Promise<PerCurve<string>> {
  const { session, server } = context;
  session.requireClientId();
  if (cipherText !== undefined && typeof cipherText !== 'string') {
    throw new PortalProtocolError(ErrorCodes.FailedToDecodeCipher, 'Failed to decode the cipherText: not a string');
  }
  const method = checkRecoveryMethod(backupMethod, session);
  const envelope = await clientBackupEnvelopeFor(cipherText, method, server);
  const keyMaterial = await decryptionKeyFor(envelope, backupConfigs, context);
  const clientShares = decodeClientBackupShares(await decryptClientBackupShare(envelope, keyMaterial));
  const { custodianBackupShares } = await server.eject({
    backupMethod: method,
    clientBackupPublicShares: mapCurves((curve) => curveArithmetic(curve).publicKeyOf(clientShares[curve])),
    ...(organizationBackupShare ? { organizationBackupShare } : {}),
  });
  return mapCurves((curve) =>
    scalarToHex(addScalars(curve, clientShares[curve], scalarFromHex(curve, custodianBackupShares[curve]))),
  );
}

/** `portal:wasm:eject` → `{ SECP256K1 }`. */
export const ejectWallet: MessageHandler = (data, context) =>
  context.walletLock.run(async () => {
    const { cipherText, backupMethod, backupConfigs, organizationBackupShare } = fieldsOf(data);
    const share = typeof organizationBackupShare === 'string' ? organizationBackupShare : undefined;
    const keys = await ejectedKeys(cipherText, backupMethod, backupConfigs, share, context);
    return { SECP256K1: keys.SECP256K1 };
  });

/**
 * `portal:wasm:ejectPrivateKeys` → `{ SECP256K1, ED25519 }`. The emulator's custodian backup
 * share holds both curves in one string, so `organizationBackupShares.SECP256K1` is enough.
 */
export const ejectPrivateKeys: MessageHandler = (data, context) =>
  context.walletLock.run(async () => {
    const { cipherText, backupMethod, backupConfigs, organizationBackupShares } = fieldsOf(data);
    const share = fieldsOf(organizationBackupShares).SECP256K1;
    return ejectedKeys(cipherText, backupMethod, backupConfigs, typeof share === 'string' ? share : undefined, context);
  });
