import type { MpcStatus } from '../../protocol/mpcStatuses.js';
import type { EmulatorServerClient } from '../emulatorServerClient.js';
import type { IframeSession } from '../iframeSession.js';
import type { PasskeyPopupBroker } from '../passkeyBackups.js';
import type { SigningShareStorage } from '../signingShareStorage.js';
import type { WalletLock } from '../walletLock.js';

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
