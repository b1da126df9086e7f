import type { UserBackupShareAnswer, UserBackupShareMethod, UserBackupShareReceipt } from '@backup-kit/core/wire';
import { Hono } from 'hono';
import { z } from 'zod';
import { decodeEnclaveBackupRecord, encodeEnclaveBackupRecord } from '../pipeline/enclave-backup-record.js';
import { enclaveBackupBody, isEnclaveBackupBody } from '../pipeline/enclave-backup-body.js';
import type { UserBackupShareStore } from '../store/user-backup-share-store.js';
import type { Authorize, CorsOptions } from '../router-options.js';
import type { AppEnv } from './app-env.js';
import { corsPolicy } from './cors-policy.js';
import { identifyCaller } from './identify-caller.js';
import { limitBody } from './limit-body.js';
import { HttpProblem } from './problem.js';
import { type RouteRateLimit, rateLimited, refuseFailingAddresses } from './rate-limited.js';
import { readJsonBody } from './read-json-body.js';
import { userBackupShareBody, userBackupShareQuery } from './request-schemas.js';
import { validated } from './validated.js';

export interface UserBackupShareRoutesOptions {
  shares: UserBackupShareStore;
  authorize: Authorize | undefined;
  cors: CorsOptions | false;
  rateLimit: RouteRateLimit | false;
  maxBodyBytes: number;
}

/** `/users/:userId/user-backup-share`: the encrypted client backup share, one per method. */
export function userBackupShareRoutes(options: UserBackupShareRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  if (options.cors) routes.use('*', corsPolicy(options.cors));
  // An address that keeps failing is refused before the authorize hook runs (bounded work).
  if (options.rateLimit) routes.use('/:userId/*', refuseFailingAddresses(options.rateLimit, 'users'));
  routes.use('/:userId/*', identifyCaller(options.authorize, options.rateLimit));
  if (options.rateLimit) {
    routes.use(
      '/:userId/*',
      rateLimited(options.rateLimit, (c) => `user:${c.get('caller').userId}`),
    );
  }

  routes.post('/:userId/user-backup-share', limitBody(options.maxBodyBytes), async (c) => {
    const body = await readJsonBody(c, z.unknown(), { requireJsonContentType: true });
    // Seed 002's `{ data: { secp256k1Ciphertext, ed25519Ciphertext } }` is kept as one JSON row
    // (its pair ids travel inside it); the kit's body carries its pair ids beside the cipherText.
    const row: { backupMethod: UserBackupShareMethod; cipherText: string; backupSharePairIds?: string[] | undefined } =
      isEnclaveBackupBody(body)
        ? enclaveBodyAsRow(validated(enclaveBackupBody, body))
        : validated(userBackupShareBody, body);
    const { backupMethod } = row;
    const stored = await options.shares.put(
      c.get('caller').userId,
      backupMethod,
      row.cipherText,
      row.backupSharePairIds,
    );
    return c.json({
      message: 'Stored the user backup share',
      backupMethod,
      createdAt: stored.createdAt.toISOString(),
      updatedAt: stored.updatedAt.toISOString(),
    } satisfies UserBackupShareReceipt);
  });

  routes.get('/:userId/user-backup-share', async (c) => {
    const { backupMethod } = validated(userBackupShareQuery, { backupMethod: c.req.query('backupMethod') });
    const share = await options.shares.get(c.get('caller').userId, backupMethod);
    if (!share) throw new HttpProblem(404, 'not_found', `no user backup share for ${backupMethod}`);
    c.header('Cache-Control', 'no-store');
    const enclaveBackup = decodeEnclaveBackupRecord(share.cipherText);
    if (enclaveBackup) {
      return c.json({
        backupMethod: share.backupMethod,
        data: enclaveBackup.data,
        ...(enclaveBackup.backupSharePairIds ? { backupSharePairIds: enclaveBackup.backupSharePairIds } : {}),
        createdAt: share.createdAt.toISOString(),
        updatedAt: share.updatedAt.toISOString(),
      });
    }
    return c.json({
      backupMethod: share.backupMethod,
      cipherText: share.cipherText,
      backupSharePairIds: share.backupSharePairIds,
      createdAt: share.createdAt.toISOString(),
      updatedAt: share.updatedAt.toISOString(),
    } satisfies UserBackupShareAnswer);
  });

  return routes;
}

const enclaveBodyAsRow = ({ backupMethod, data }: z.infer<typeof enclaveBackupBody>) => ({
  backupMethod,
  cipherText: encodeEnclaveBackupRecord({ data }),
});
