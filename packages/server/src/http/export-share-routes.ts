import { Hono } from 'hono';
import type { Logger } from '../log/logger.js';
import type { AuthorizeExport } from '../router-options.js';
import type { CustodianBackupShareStore } from '../store/custodian-backup-share-store.js';
import type { AppEnv } from './app-env.js';
import { limitBody } from './limit-body.js';
import { HttpProblem } from './problem.js';
import { type RouteRateLimit, failedAuthentication, rateLimited } from './rate-limited.js';
import { readJsonBody } from './read-json-body.js';
import { exportShareBody } from './request-schemas.js';

export interface ExportShareRoutesOptions {
  custodianShares: CustodianBackupShareStore;
  authorizeExport: AuthorizeExport;
  /** The users' failure bucket is shared with the user routes (scope `users`). */
  rateLimit: RouteRateLimit | false;
  maxBodyBytes: number;
  logger: Logger;
}

/**
 * `POST /users/:userId/custodian-backup-share/export`: the one way a custodian backup share
 * reaches a browser. Mounted beside the user routes, whose middleware has already identified
 * the caller as :userId; the stricter `authorizeExport` hook must then agree. Every release
 * leaves an audit line (who, which client, which method; never the share).
 */
export function exportShareRoutes(options: ExportShareRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const refuse = (c: Parameters<typeof failedAuthentication>[0], problem: HttpProblem) =>
    options.rateLimit ? failedAuthentication(c, options.rateLimit, 'users', problem) : Promise.reject(problem);

  routes.post('/:userId/custodian-backup-share/export', limitBody(options.maxBodyBytes), async (c) => {
    const { userId } = c.get('caller');
    const { backupMethod, clientId } = await readJsonBody(c, exportShareBody, { requireJsonContentType: true });
    const allowed = await options.authorizeExport(c.req.raw, {
      nodeRequest: c.env?.incoming,
      userId,
      clientId,
      backupMethod,
    });
    if (allowed !== true) {
      options.logger.warn(
        { event: 'export-refused', userId, clientId, backupMethod },
        'export refused by authorizeExport',
      );
      return refuse(c, new HttpProblem(403, 'export_not_authorized', 'this request may not export the wallet'));
    }
    if (options.rateLimit) {
      const limit = options.rateLimit;
      await rateLimited(limit, () => `export:${userId}`)(c, async () => {});
    }
    const share = await options.custodianShares.get(clientId, backupMethod);
    // Its own code: a client tells "no share" from "no export route" (the server's plain not_found).
    if (share === undefined) {
      throw new HttpProblem(404, 'no_custodian_share', `no custodian backup share for ${backupMethod}`);
    }
    options.logger.info(
      { event: 'export-released', userId, clientId, backupMethod },
      'released a custodian backup share for a wallet export',
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ backupMethod, share });
  });

  return routes;
}
