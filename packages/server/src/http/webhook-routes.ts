import { Hono } from 'hono';
import { isKnownBackupMethod } from '../backup-method.js';
import type { Logger } from '../log/logger.js';
import type { CustodianBackupShareStore } from '../store/custodian-backup-share-store.js';
import type { AppEnv } from './app-env.js';
import { limitBody } from './limit-body.js';
import { HttpProblem } from './problem.js';
import { type RouteRateLimit, rateLimited } from './rate-limited.js';
import { readJsonBody } from './read-json-body.js';
import { webhookBackupBody, webhookFetchBody } from './request-schemas.js';
import { requireWebhookSecret } from './require-webhook-secret.js';

export interface WebhookRoutesOptions {
  custodianShares: CustodianBackupShareStore;
  webhookSecret: string;
  rateLimit: RouteRateLimit | false;
  maxBodyBytes: number;
  logger: Logger;
}

/** `/webhook/backup` and `/webhook/backup/fetch`: what Portal calls with the custodian share. */
export function webhookRoutes(options: WebhookRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // A wrong secret counts as a failure of its address (429 once it keeps guessing); only a
  // right one counts against the caller's own limit, so guesses never refuse Portal's webhooks.
  routes.use('*', requireWebhookSecret(options.webhookSecret, options.rateLimit));
  if (options.rateLimit) {
    const limit = options.rateLimit;
    routes.use(
      '*',
      rateLimited(limit, (c) => `webhook:${limit.clientAddress(c)}`),
    );
  }
  routes.use('*', limitBody(options.maxBodyBytes));

  routes.post('/backup', async (c) => {
    const { backupMethod, clientId, share } = await readJsonBody(c, webhookBackupBody, {
      requireJsonContentType: false,
    });
    await options.custodianShares.put(clientId, backupMethod, share);
    if (!isKnownBackupMethod(backupMethod)) {
      // Kept all the same (a refused share is a lost backup); said so an operator can see it.
      options.logger.warn({ backupMethod }, 'stored a custodian backup share under a method Backup Kit does not know');
    }
    return c.body(null, 204);
  });

  routes.post('/backup/fetch', async (c) => {
    const { backupMethod, clientId } = await readJsonBody(c, webhookFetchBody, { requireJsonContentType: false });
    const share = await options.custodianShares.get(clientId, backupMethod);
    if (share === undefined) throw new HttpProblem(404, 'not_found', `no custodian backup share for ${backupMethod}`);
    c.header('Cache-Control', 'no-store');
    return c.json({ share });
  });

  return routes;
}
