export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './startEmulator.js';
export type { EmulatorControl, PasskeySettings } from './server/emulatorCore.js';
export type { PasskeySnapshot } from './server/passkeyCeremonies.js';
export type { EmulatorLogger } from './server/logger.js';
export type { EmulatorVaultOptions } from './server/keyVault.js';
export type { WebhookOptions } from './server/webhookCustodianBackupShareStore.js';
export type { ClientSnapshot, EmulatorStateSnapshot } from './server/snapshot.js';
export type { LogEntry } from './server/messageLog.js';
export type { PendingFault } from './server/faultQueue.js';
export type { FaultEffect, FaultSpec } from './protocol/faults.js';
export type { MessageKind } from './protocol/sdkMessageTypes.js';
export type { BackupSharePair, ClientResponse, ClientWallet, SigningSharePair } from './protocol/clientResponse.js';
export { ErrorCodes, PasskeyErrorCodes } from './protocol/portalErrorCodes.js';
export {
  openPasskeyPopup,
  PASSKEY_POPUP_FEATURES,
  PASSKEY_POPUP_PATH,
  PASSKEY_POPUP_WINDOW_NAME,
  passkeyPopupUrl,
} from './passkeyPopupUrl.js';
export { PROGRESS_ORDERS } from './protocol/mpcStatuses.js';
