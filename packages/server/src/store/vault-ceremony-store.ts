import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { BackupDb } from '../db/drizzle-handle.js';
import { vaultCeremonies } from '../db/schema.js';

export type VaultCeremonyKind = 'registration' | 'authentication';

export interface VaultCeremony {
  id: string;
  kind: VaultCeremonyKind;
  rpId: string;
  /** base64url, as handed out in the options. */
  challenge: string;
  /** Registration: the user handle the passkey is created under. */
  userHandle: string | null;
  /** Authentication restricted to this passkey. */
  credentialId: string | null;
}

export type ConsumedCeremony =
  | { consumed: true; ceremony: VaultCeremony }
  /** `used`: it verified (or failed to) once already; `unavailable`: unknown, other kind or expired. */
  | { consumed: false; reason: 'used' | 'unavailable' };

export interface VaultCeremonyStore {
  /** Stores a new ceremony that expires `ttlMs` from now (database clock), and prunes expired ones. */
  create(ceremony: Omit<VaultCeremony, 'id'>, ttlMs: number): Promise<string>;
  /**
   * Marks the ceremony used in one conditional UPDATE and returns it, or says why it cannot be
   * used. Of two instances consuming one ceremony at once, exactly one gets it.
   */
  consume(id: string, kind: VaultCeremonyKind): Promise<ConsumedCeremony>;
}

export function createVaultCeremonyStore(db: BackupDb): VaultCeremonyStore {
  return {
    async create(ceremony, ttlMs) {
      // Ceremonies are created at human speed, so pruning on every one is cheap and keeps the
      // table to the ceremonies of the last few minutes (used ones stay until they expire, so
      // a replay within that time is answered as such).
      await db.delete(vaultCeremonies).where(lt(vaultCeremonies.expiresAt, sql`now()`));
      const [row] = await db
        .insert(vaultCeremonies)
        .values({ ...ceremony, expiresAt: sql`now() + make_interval(secs => ${ttlMs / 1000}::float8)` })
        .returning({ id: vaultCeremonies.id });
      if (!row) throw new Error('ceremony insert returned no row');
      return row.id;
    },

    async consume(id, kind) {
      const [row] = await db
        .update(vaultCeremonies)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(vaultCeremonies.id, id),
            eq(vaultCeremonies.kind, kind),
            isNull(vaultCeremonies.usedAt),
            gt(vaultCeremonies.expiresAt, sql`now()`),
          ),
        )
        .returning({
          id: vaultCeremonies.id,
          kind: vaultCeremonies.kind,
          rpId: vaultCeremonies.rpId,
          challenge: vaultCeremonies.challenge,
          userHandle: vaultCeremonies.userHandle,
          credentialId: vaultCeremonies.credentialId,
        });
      if (row) return { consumed: true, ceremony: { ...row, kind: row.kind as VaultCeremonyKind } };
      // Only on the failure path: tell a replay apart from a stale or made-up id.
      const [seen] = await db
        .select({ usedAt: vaultCeremonies.usedAt })
        .from(vaultCeremonies)
        .where(and(eq(vaultCeremonies.id, id), eq(vaultCeremonies.kind, kind)));
      return { consumed: false, reason: seen?.usedAt ? 'used' : 'unavailable' };
    },
  };
}
