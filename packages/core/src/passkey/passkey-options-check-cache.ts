import type { PasskeyOptions } from '../portal/portal-like.js';
import type { PasskeyOptionsCheck } from './passkey-options.js';

/**
 * Checks the options when they are given, not when they are used: `check` starts (or reuses)
 * the validation for these exact options, so by the user's click the answer is already there
 * and nothing is awaited between the click and the passkey prompt.
 */
export function createPasskeyOptionsCheckCache() {
  let key: string | undefined;
  let pending: Promise<PasskeyOptionsCheck> | undefined;
  let settled: PasskeyOptionsCheck | undefined;
  return {
    check(options: Partial<PasskeyOptions>, pageOrigin: string): Promise<PasskeyOptionsCheck> {
      const next = JSON.stringify([options.customDomain, options.relyingPartyId, options.relyingPartyName, pageOrigin]);
      if (next !== key || !pending) {
        key = next;
        settled = undefined;
        // The checks' chunk straight away (not through validatePasskeyOptions): this module is only
        // in lazy chunks, and must import nothing the eager code has.
        const current = import('./passkey-option-checks.js').then((m) => m.checkPasskeyOptions(options, pageOrigin));
        pending = current;
        current.then(
          (result) => {
            if (pending === current) settled = result;
          },
          // A failed load is not kept: the next check loads again.
          () => {
            if (pending === current) pending = undefined;
          },
        );
      }
      return pending;
    },
    /** The answer for the last options, once known (synchronously, for a click handler). */
    known: (): PasskeyOptionsCheck | undefined => settled,
  };
}

export const pageOriginOf = (pageOrigin: string | undefined) => pageOrigin ?? globalThis.location?.origin ?? '';
