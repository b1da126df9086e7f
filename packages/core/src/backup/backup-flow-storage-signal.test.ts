import { describe, expect, it } from 'vitest';
import type { BackupStorage } from '../storage/backup-storage.js';
import { createFakePortal } from '../testing/index.js';
import { createBackupFlow } from './eager-backup-flow.js';

/** A storage that never finishes and remembers the signal each save got. */
function hangingStorage() {
  const signals: AbortSignal[] = [];
  const storage: BackupStorage = {
    save: ({ signal }) => {
      signals.push(signal);
      return new Promise<void>(() => {});
    },
  };
  return { storage, signals };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
};

describe("the storage's signal", () => {
  it('is aborted when the caller aborts while the share is being saved', async () => {
    const { storage, signals } = hangingStorage();
    const flow = createBackupFlow(createFakePortal(), { method: 'GDRIVE', storage });
    const controller = new AbortController();

    const done = flow.start({ signal: controller.signal });
    await until(() => signals.length === 1);
    expect(signals[0]!.aborted).toBe(false);
    controller.abort();
    await done;

    expect(signals[0]!.aborted).toBe(true);
  });

  it('is aborted when the save runs out of time', async () => {
    const { storage, signals } = hangingStorage();
    const flow = createBackupFlow(createFakePortal(), { method: 'GDRIVE', storage, timeouts: { storeMs: 20 } });

    await flow.start();

    expect(signals[0]!.aborted).toBe(true);
  });
});
