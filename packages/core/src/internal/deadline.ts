import { BackupKitError, type BackupKitErrorCode, type BackupKitStage } from '../errors.js';

export interface DeadlineOptions {
  /** Rejects with TIMEOUT after this many milliseconds; 0 or Infinity waits forever. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  stage: BackupKitStage;
  /** The code of the error the time limit ends in. @default 'TIMEOUT' */
  timeoutCode?: BackupKitErrorCode;
}

/**
 * Races a promise against a time limit and an AbortSignal. The promise itself cannot be
 * cancelled (the SDK has no cancellation), so a late result is simply ignored here; callers
 * that must not lose a late result (a cipherText) keep their own handle on the promise.
 */
export function withDeadline<T>(
  promise: Promise<T>,
  { timeoutMs, signal, stage, timeoutCode = 'TIMEOUT' }: DeadlineOptions,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Whatever comes first settles it; the rest is ignored (a promise settles once).
    const finish = (settle: (value: never) => void, value: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle(value as never);
    };
    const onAbort = () => finish(reject, new BackupKitError('ABORTED', { stage, cause: signal?.reason }));
    const timer =
      timeoutMs! > 0 && timeoutMs! < Infinity
        ? setTimeout(() => finish(reject, new BackupKitError(timeoutCode, { stage })), timeoutMs)
        : undefined;
    // Also handles the promise's rejection when the signal was aborted already.
    promise.then(
      (value) => finish(resolve, value),
      (error: unknown) => finish(reject, error),
    );
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
