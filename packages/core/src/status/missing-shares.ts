import type { BackupMethod } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';

// Where the kit stores the share of each method Portal counts. The passkey direct path makes a
// PASSWORD backup in Portal but stores its share as CUSTOM: a passkey-only user's PASSWORD is
// backed by that CUSTOM share, never missing.
const STORED_UNDER: Partial<Record<BackupMethod, BackupMethod[]>> = {
  PASSWORD: ['PASSWORD', 'CUSTOM'],
  PASSKEY: ['PASSKEY'],
  GDRIVE: ['GDRIVE'],
  CUSTOM: ['CUSTOM'],
};

/**
 * The methods Portal counts as completed whose share the app's storage no longer holds. Only a
 * read that answers "none" counts: a failed read proves nothing and flags nothing.
 */
export async function findMissingShares(
  methods: readonly BackupMethod[],
  storage: BackupStorage | undefined,
  signal: AbortSignal,
): Promise<BackupMethod[]> {
  const load = storage?.load?.bind(storage);
  if (!load) return [];
  const reads = new Map<BackupMethod, Promise<boolean | undefined>>();
  const holds = (backupMethod: BackupMethod) => {
    let read = reads.get(backupMethod);
    if (!read) {
      read = load({ backupMethod, signal }).then(
        (share) => share !== null,
        () => undefined,
      );
      reads.set(backupMethod, read);
    }
    return read;
  };
  const verdicts = await Promise.all(
    methods.map(async (method) => {
      const places = STORED_UNDER[method];
      if (!places) return false;
      const found = await Promise.all(places.map(holds));
      return found.every((held) => held === false);
    }),
  );
  return methods.filter((_, index) => verdicts[index]);
}
