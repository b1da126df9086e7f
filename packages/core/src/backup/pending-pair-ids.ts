import type { PortalFacade } from '../portal/portal-facade.js';
import type { BackupMethod } from '../portal/portal-like.js';

/**
 * The ids of the backup share pairs a backup just made (not yet completed), to store beside the
 * cipherText (seed 000). 3.4.1 reads the iframe's `backupIds` only inside `storageCallback`, so
 * the kit asks getClient. Best effort: a Portal without getClient, or a failed read, gives [] and
 * never fails the backup.
 */
export async function pendingPairIds(
  facade: PortalFacade,
  method: BackupMethod,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  const getClient = facade.portal.getClient;
  if (typeof getClient !== 'function') return [];
  try {
    const client = await facade.call(
      { kind: 'getClient', stage: 'storing', fallback: 'UNKNOWN', limit: 'callMs' },
      // Short: the ids are a bonus, and a slow getClient must not hold the backup.
      { signal, timeoutMs: 1_000 },
      () => getClient.call(facade.portal),
    );
    const ids = (client?.wallets ?? []).flatMap((wallet) =>
      (wallet.backupSharePairs ?? []).flatMap((pair) =>
        pair.backupMethod === method && pair.status !== 'completed' && pair.id ? [pair.id] : [],
      ),
    );
    return [...new Set(ids)];
  } catch {
    return [];
  }
}
