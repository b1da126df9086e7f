/** The request types of @portal-hq/web 3.4.1 (protocol §2) the emulator implements. */
export const EMULATED_REQUEST_TYPES = [
  'portal:configure',
  'portal:address',
  'portal:wasm:generate',
  'portal:wasm:backup',
  'portal:api:setBackupStatus',
  'portal:storedClientBackupShare',
  'portal:wasm:recover',
  'portal:getClient',
  'portal:checkSharesOnDevice',
  'portal:destroy',
  'portal:wasm:eject',
  'portal:wasm:ejectPrivateKeys',
] as const;

/** The SDK's other request types: each answers its `…Error` type with code 501. */
export const NOT_EMULATED_REQUEST_TYPES = [
  'portal:wasm:sign',
  'portal:mpc:rawSign',
  'portal:getBalances',
  'portal:fund',
  'portal:getNFTs',
  'portal:getNFTAssets',
  'portal:getAssets',
  'portal:buildTransaction',
  'portal:swaps:getQuote',
  'portal:swaps:getSources',
  'portal:getTransactions',
  'portal:simulateTransaction',
  'portal:evaluateTransaction',
  'portal:wasm:formatShares',
  'portal:wasm:getCustodianIdClientIdHashes',
] as const;

/**
 * Every request type @portal-hq/web 3.4.1 posts to its iframe (protocol §2, rows 0–26).
 * Replies are matched by type only: `${type}Result`, `${type}Error`, `${type}Progress`.
 */
export const SDK_REQUEST_TYPES = [...EMULATED_REQUEST_TYPES, ...NOT_EMULATED_REQUEST_TYPES] as const;

export type SdkRequestType = (typeof SDK_REQUEST_TYPES)[number];
export type EmulatedRequestType = (typeof EMULATED_REQUEST_TYPES)[number];

/**
 * Requests the SDK awaits without listening for an error type: they must always be answered
 * (or deliberately left hanging by a fault). `portal:configure` fails through `portal:wasm:error`.
 */
export const REQUEST_TYPES_WITHOUT_ERROR_REPLY: ReadonlySet<SdkRequestType> = new Set<SdkRequestType>([
  'portal:address',
  'portal:destroy',
]);

/** Sent by the iframe on its own (protocol §1). */
export const READY_TYPE = 'portal:ready';
export const INITIALIZATION_ERROR_TYPE = 'portal:wasm:error';

export function isSdkRequestType(type: unknown): type is SdkRequestType {
  return typeof type === 'string' && (SDK_REQUEST_TYPES as readonly string[]).includes(type);
}

export const resultTypeOf = (type: SdkRequestType): string => `${type}Result`;
export const errorTypeOf = (type: SdkRequestType): string => `${type}Error`;
export const progressTypeOf = (type: SdkRequestType): string => `${type}Progress`;

/** The short name faults and logs use: 'portal:wasm:backup' → 'backup'. */
export function messageKindOf(type: SdkRequestType): MessageKind {
  return type.slice(type.lastIndexOf(':') + 1) as MessageKind;
}

type LastSegment<T extends string> = T extends `${string}:${infer Rest}` ? LastSegment<Rest> : T;
export type MessageKind = LastSegment<SdkRequestType>;

export const MESSAGE_KINDS: readonly MessageKind[] = SDK_REQUEST_TYPES.map(messageKindOf);
