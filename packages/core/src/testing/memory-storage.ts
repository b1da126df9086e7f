import type { BackupStorage } from '../storage/backup-storage.js';

/** What one save or load does: its work, never settle (a slow server), or fail. */
export type StorageOutcome = 'ok' | 'hang' | { throw: unknown };

export interface MemoryStorageOptions {
  /** Delay before each save or load settles, in ms. @default 0 */
  latencyMs?: number;
  /** Scripted outcomes for the next saves, in order; then they succeed. */
  saves?: StorageOutcome[];
  /** Scripted outcomes for the next loads, in order; then they read what is stored. */
  loads?: StorageOutcome[];
}

export interface MemoryStorage extends BackupStorage {
  /** Always there: a memory storage can read back what it holds. */
  load: NonNullable<BackupStorage['load']>;
  /** What is stored, by backup method (for assertions in tests). */
  readonly stored: ReadonlyMap<string, string>;
  /** How many times save was called. */
  readonly saveCount: number;
  /** Scripts the next saves (replaces what was scripted before). */
  scriptSaves(outcomes: StorageOutcome[]): void;
}

/** An in-memory BackupStorage for tests and stories, honouring the abort signal like a server call. */
export function memoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  const stored = new Map<string, string>();
  let outcomes = [...(options.saves ?? [])];
  const loads = [...(options.loads ?? [])];
  let saveCount = 0;
  const latencyMs = options.latencyMs ?? 0;

  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, latencyMs);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
  /** Plays one scripted outcome: hangs until aborted, waits the latency, or throws. */
  const play = async (outcome: StorageOutcome, signal: AbortSignal) => {
    if (outcome === 'hang') {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }
    await wait(signal);
    if (typeof outcome === 'object') throw outcome.throw;
  };

  return {
    stored,
    get saveCount() {
      return saveCount;
    },
    scriptSaves(next) {
      outcomes = [...next];
    },
    async save({ backupMethod, cipherText, signal }) {
      saveCount += 1;
      await play(outcomes.shift() ?? 'ok', signal);
      stored.set(backupMethod, cipherText);
    },
    async load({ backupMethod, signal }) {
      await play(loads.shift() ?? 'ok', signal);
      return stored.get(backupMethod) ?? null;
    },
  };
}
