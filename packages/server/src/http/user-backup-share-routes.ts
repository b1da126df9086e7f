import type { UserBackupShareAnswer, UserBackupShareReceipt } from '@backup-kit/core/wire';
import { Hono } from 'hono';
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
    const body = await readJsonBody(c, userBackupShareBody, { requireJsonContentType: true });
    const { backupMethod } = body;
    const stored = await options.shares.put(
      c.get('caller').userId,
      backupMethod,
      body.cipherText,
      body.backupSharePairIds,
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
