import type { MessageHandler } from './handler-context.js';

/** `portal:getClient` → ClientResponse (protocol §2.2). */
export const getClient: MessageHandler = (_data, { server }) => server.getClient();

/** `portal:address` → the EVM address, or '' before a wallet exists. */
export const getAddress: MessageHandler = async (_data, { server }) => (await server.getClient()).address;

/** `portal:checkSharesOnDevice` → which signing shares this device's localStorage holds. */
export const checkSharesOnDevice: MessageHandler = async (_data, { session, signingShares }) =>
  signingShares.presence(session.clientId);

/** `portal:destroy` (clearLocalWallet): forgets this device's signing shares, "losing the device". */
export const destroyLocalWallet: MessageHandler = async (_data, { session, signingShares }) => {
  if (session.clientId !== null) signingShares.clear(session.clientId);
  return true;
};
