import type { SdkRequestType } from './sdk-message-types.js';

/** What the state log keeps of a message: only fields that can never hold a secret. */
export type MessageDetails = Record<string, string | number | boolean | string[] | null>;

/**
 * An allowlist per type, so a password (backupConfigs), a cipherText or a share can never
 * reach a log: any field not named here is dropped, and an object is logged as `true`
 * (it was given), never with its contents.
 */
const LOGGABLE_FIELDS: Partial<Record<SdkRequestType, readonly string[]>> = {
  'portal:configure': ['host', 'mpcHost', 'mpcVersion', 'autoApprove', 'gdrive', 'passkey'],
  'portal:wasm:generate': ['mpcVersion'],
  'portal:wasm:backup': ['backupMethod'],
  'portal:wasm:recover': ['backupMethod'],
  'portal:wasm:eject': ['backupMethod'],
  'portal:wasm:ejectPrivateKeys': ['backupMethod'],
  'portal:api:setBackupStatus': ['status', 'backupIds'],
  'portal:storedClientBackupShare': ['success', 'backupMethod'],
  'portal:wasm:sign': ['chainId', 'method'],
  'portal:mpc:rawSign': ['curve'],
  'portal:getBalances': ['chainId'],
  'portal:getAssets': ['chainId'],
  'portal:getTransactions': ['chainId'],
};

/** Idempotent, so the server can apply it again to what the iframe reports. */
export function describeMessage(type: SdkRequestType, data: unknown): MessageDetails {
  const details: MessageDetails = {};
  if (typeof data !== 'object' || data === null) return details;
  const record = data as Record<string, unknown>;
  for (const field of LOGGABLE_FIELDS[type] ?? []) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
      details[field] = value;
    } else if (Array.isArray(value)) {
      if (value.every((item) => typeof item === 'string')) details[field] = value as string[];
    } else if (typeof value === 'object') {
      details[field] = true;
    }
  }
  return details;
}
