import type { MpcStatus } from '../../protocol/mpc-statuses.js';
import type { EmulatorServerClient } from '../emulator-server-client.js';
import type { IframeSession } from '../iframe-session.js';
import type { PasskeyPopupBroker } from '../passkey-backups.js';
import type { SigningShareStorage } from '../signing-share-storage.js';
import type { WalletLock } from '../wallet-lock.js';

export interface HandlerContext {
  session: IframeSession;
  server: EmulatorServerClient;
  signingShares: SigningShareStorage;
  walletLock: WalletLock;
  /** Hands PASSKEY operations to the passkey window the app opened. */
  passkeyPopups: PasskeyPopupBroker;
  /** Posts `…Progress` with `done: status === 'Done'`. */
  progress(status: MpcStatus): void;
}

/** Answers one SDK request: resolves to the `…Result` data or throws for the `…Error` reply. */
export type MessageHandler = (data: unknown, context: HandlerContext) => Promise<unknown>;

export function fieldsOf(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}
