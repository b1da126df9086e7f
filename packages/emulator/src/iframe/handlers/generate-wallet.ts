import { curveArithmetic } from '../../crypto/curve-arithmetic.js';
import { randomScalar, scalarToHex, splitSecret } from '../../crypto/scalars.js';
import { mapCurves } from '../../protocol/curves.js';
import { MpcStatuses } from '../../protocol/mpc-statuses.js';
import type { MessageHandler } from './handler-context.js';

/**
 * `portal:wasm:generate` → the EVM address. A fresh secp256k1 and ed25519 key, each split at
 * once into a client signing share (localStorage) and a custodian signing share (server);
 * the whole key exists only inside this function.
 */
export const generateWallet: MessageHandler = (_data, { session, server, signingShares, walletLock, progress }) =>
  walletLock.run(async () => {
    const clientId = session.requireClientId();
    progress(MpcStatuses.GeneratingShare);
    const secrets = mapCurves(randomScalar);
    const shares = mapCurves((curve) => splitSecret(curve, secrets[curve]));
    progress(MpcStatuses.StoringShare);
    const { address } = await server.createWallet({
      wallets: mapCurves((curve) => ({
        publicKey: curveArithmetic(curve).publicKeyOf(secrets[curve]),
        custodianSigningShare: scalarToHex(shares[curve].second),
      })),
    });
    signingShares.write(
      clientId,
      mapCurves((curve) => shares[curve].first),
    );
    progress(MpcStatuses.Done);
    return address;
  });
