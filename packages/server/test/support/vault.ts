import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { BackupDatabase } from '../../src/db/backup-database.js';
import { drizzleOf } from '../../src/db/drizzle-handle.js';
import { vaultCeremonies, vaultCredentials } from '../../src/db/schema.js';
import type { HttpAnswer, PasskeyPage } from './passkey-browser.js';

/** A fresh 256-bit key in base64url, as the kit's randomKey() makes. */
export const randomVaultKey = () => randomBytes(32).toString('base64url');

/** A POST of JSON from Node (no Origin header: CORS does not apply, the vault's own checks do). */
export async function vaultPost(baseUrl: string, path: string, body: unknown): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}/vault/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface Registered {
  credentialId: string;
  /** The PRF output at registration (base64url), when the authenticator gave one. */
  prfOutput: string | null;
}

/**
 * The kit's register step, run by the page against the vault: options, create with PRF, verify
 * with `prf: true` when the authenticator answered PRF already.
 */
export async function registerPasskey(page: PasskeyPage, vaultUrl: string, rpId = 'localhost'): Promise<Registered> {
  const options = await page.post(`${vaultUrl}/vault/registration/options`, { rpId, rpName: 'Backup Kit test' });
  if (options.status !== 200) throw new Error(`registration options answered ${options.status}`);
  const { response, prfOutput } = await page.create(options.body.options);
  const verified = await page.post(`${vaultUrl}/vault/registration/verify`, {
    ceremonyId: options.body.ceremonyId,
    response,
    prf: prfOutput !== null,
  });
  if (verified.status !== 200)
    throw new Error(`registration verify answered ${verified.status}: ${JSON.stringify(verified.body)}`);
  return { credentialId: verified.body.credentialId as string, prfOutput };
}

/** Options, then get() in the page: a response ready to verify (or to misuse). */
export async function assertion(
  page: PasskeyPage,
  vaultUrl: string,
  request: { rpId?: string; credentialId?: string } = {},
) {
  const options = await page.post(`${vaultUrl}/vault/authentication/options`, { rpId: 'localhost', ...request });
  if (options.status !== 200) throw new Error(`authentication options answered ${options.status}`);
  const { response, prfOutput } = await page.get(options.body.options);
  return { ceremonyId: options.body.ceremonyId as string, response, prfOutput };
}

/** A whole authentication made by the page: options, get(), verify with `write` (absent: read). */
export async function authenticate(
  page: PasskeyPage,
  vaultUrl: string,
  request: { credentialId?: string; write?: { key: string } | { prf: true } } = {},
): Promise<HttpAnswer & { prfOutput: string | null }> {
  const { ceremonyId, response, prfOutput } = await assertion(page, vaultUrl, {
    ...(request.credentialId && { credentialId: request.credentialId }),
  });
  const answer = await page.post(`${vaultUrl}/vault/authentication/verify`, {
    ceremonyId,
    response,
    ...(request.write && { write: request.write }),
  });
  return { ...answer, prfOutput };
}

/** The credential's row as stored, every column. */
export async function credentialRow(database: BackupDatabase, id: string) {
  const [row] = await drizzleOf(database).select().from(vaultCredentials).where(eq(vaultCredentials.id, id));
  return row;
}

/** Moves a ceremony's expiry into the past, as if its five minutes had gone by. */
export async function expireCeremony(database: BackupDatabase, ceremonyId: string): Promise<void> {
  await drizzleOf(database)
    .update(vaultCeremonies)
    .set({ expiresAt: sql`now() - interval '1 minute'` })
    .where(eq(vaultCeremonies.id, ceremonyId));
}
