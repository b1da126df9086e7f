import type { PortalErrorCode } from './portal-error-codes.js';
import type { MessageKind } from './sdk-message-types.js';

/**
 * What an injected fault does to the next matching call:
 * - 'error': answer the `…Error` type with `{code, message}`; for 'configure', send
 *   `portal:wasm:error` instead of `portal:ready` (reaches onInitializationError);
 * - 'hang': never answer; for 'configure', never send `portal:ready`;
 * - 'delay': answer normally after `latencyMs`.
 * `latencyMs` delays every effect.
 */
export type FaultEffect = 'error' | 'hang' | 'delay';

export interface FaultSpec {
  /** Which message: 'backup', 'storedClientBackupShare', 'setBackupStatus', 'recover', 'generate', 'getClient', 'configure', … */
  kind: MessageKind;
  /** Defaults to 'delay' when only latencyMs is given, otherwise 'error'. */
  effect?: FaultEffect;
  code?: PortalErrorCode;
  message?: string;
  latencyMs?: number;
  /** How many matching calls it affects (default 1). */
  times?: number;
  /** Only calls from the Portal configured with this apiKey (default: any client). */
  apiKey?: string;
}

/** A fault as the iframe applies it. */
export interface AppliedFault {
  effect: FaultEffect;
  code: PortalErrorCode;
  message: string;
  latencyMs: number;
}
