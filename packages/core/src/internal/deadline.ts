import { BackupKitError, type BackupKitStage } from '../errors.js';

export interface DeadlineOptions {
  /** Rejects with TIMEOUT after this many milliseconds; 0 or Infinity waits forever. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  stage: BackupKitStage;
}

/**
 * Races a promise against a time limit and an AbortSignal. The promise itself cannot be
 * cancelled (the SDK has no cancellation), so a late result is simply ignored here; callers
 * that must not lose a late result (a cipherText) keep their own handle on the promise.
 */
export function withDeadline<T>(promise: Promise<T>, { timeoutMs, signal, stage }: DeadlineOptions): Promise<T> {
  if (signal?.aborted) {
    promise.catch(() => {});
    return Promise.reject(new BackupKitError('ABORTED', { stage, cause: signal.reason }));
  }
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cleanup = () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      cleanup();
      reject(new BackupKitError('ABORTED', { stage, cause: signal?.reason }));
    };
    if (timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      timer = setTimeout(() => {
        cleanup();
        reject(new BackupKitError('TIMEOUT', { stage }));
      }, timeoutMs);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}
