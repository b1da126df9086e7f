import type { BackupStatusSummary } from '../portal/portal-calls.js';
import type { BackupMethod } from '../portal/portal-like.js';
import type { BackupStorage, LoadBackupRequest } from '../storage/backup-storage.js';

// Other places the kit stores a method's share: the passkey direct path makes a PASSWORD backup
// in Portal but stores its share as CUSTOM.
const ALSO_STORED_UNDER: Partial<Record<BackupMethod, BackupMethod>> = { PASSWORD: 'CUSTOM' };

/** A stored share and the pair ids kept beside it ([] when unknown); null: none; undefined: the read failed. */
type Held = string[] | null | undefined;

/**
 * The completed methods whose share the app's storage does not hold (self-managed backups; with
 * Portal-managed backups Portal keeps every share, GDRIVE's included, and nothing is checked).
 * Only a read that answers "none" counts: a failed read proves nothing and flags nothing. Where
 * the stored shares carry their backup share pair ids, they tell which completed pairs each share
 * belongs to: a PASSWORD whose pairs are all the direct-path passkey's (CUSTOM) is not missing,
 * but one with pairs of its own and no PASSWORD share (or only an older one) is.
 */
export async function findMissingShares(
  summary: BackupStatusSummary,
  storage: BackupStorage | undefined,
  signal: AbortSignal,
): Promise<BackupMethod[]> {
  const { client } = summary;
  // Portal-managed (environment.backupWithPortalEnabled): Portal keeps every share.
  if (!storage || client?.environment?.backupWithPortalEnabled || (!storage.loadPairIds && !storage.load)) return [];
  const completed = (client?.wallets ?? []).flatMap((wallet) =>
    (wallet.backupSharePairs ?? []).filter((pair) => pair.status === 'completed' && pair.id),
  );
  const reads = new Map<BackupMethod, Promise<Held>>();
  const held = (backupMethod: BackupMethod) => {
    const request: LoadBackupRequest = { backupMethod, signal };
    let read = reads.get(backupMethod);
    if (!read) {
      read = (
        storage.loadPairIds
          ? storage.loadPairIds(request)
          : storage.load!(request).then((share) => (share === null ? null : []))
      ).catch(() => undefined);
      reads.set(backupMethod, read);
    }
    return read;
  };

  const isMissing = async (method: BackupMethod) => {
    const alias = ALSO_STORED_UNDER[method];
    const [own, other] = await Promise.all([held(method), alias ? held(alias) : null]);
    if (own === undefined || other === undefined) return false;
    const pairs = completed.filter((pair) => pair.backupMethod === method).map((pair) => pair.id!);
    // Without ids on either side, any share under the method's names counts.
    if (pairs.length === 0 || (other && other.length === 0)) return !own && !other;
    const ownPairs = pairs.filter((id) => !other?.includes(id));
    if (ownPairs.length === 0) return false;
    return !own || (own.length > 0 && !own.some((id) => ownPairs.includes(id)));
  };

  const verdicts = await Promise.all(summary.methods.map(isMissing));
  return summary.methods.filter((_, index) => verdicts[index]);
}
