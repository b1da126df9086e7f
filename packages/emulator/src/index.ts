export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './start-emulator.js';
export type { EmulatorControl, PasskeySettings } from './server/emulator-core.js';
export type { PasskeySnapshot } from './server/passkey-ceremonies.js';
export type { EmulatorLogger } from './server/logger.js';
export type { EmulatorVaultOptions } from './server/key-vault.js';
export type { WebhookOptions } from './server/webhook-custodian-backup-share-store.js';
export type { ClientSnapshot, EmulatorStateSnapshot } from './server/snapshot.js';
export type { LogEntry } from './server/message-log.js';
export type { PendingFault } from './server/fault-queue.js';
export type { FaultEffect, FaultSpec } from './protocol/faults.js';
export type { MessageKind } from './protocol/sdk-message-types.js';
export type { BackupSharePair, ClientResponse, ClientWallet, SigningSharePair } from './protocol/client-response.js';
export { ErrorCodes, PasskeyErrorCodes } from './protocol/portal-error-codes.js';
export {
  openPasskeyPopup,
  PASSKEY_POPUP_FEATURES,
  PASSKEY_POPUP_PATH,
  PASSKEY_POPUP_WINDOW_NAME,
  passkeyPopupUrl,
} from './passkey-popup-url.js';
export { PROGRESS_ORDERS } from './protocol/mpc-statuses.js';
