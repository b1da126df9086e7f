import type { MiddlewareHandler } from 'hono';
import { createSecretMatcher } from '../crypto/constant-time.js';
import { WEBHOOK_SECRET_HEADER } from '../defaults.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';
import { type RouteRateLimit, failedAuthentication } from './rate-limited.js';

/**
 * 401 unless X-Webhook-Secret matches, compared in constant time; 429 instead once the address
 * has failed too often (the right secret still passes).
 */
export function requireWebhookSecret(
  webhookSecret: string,
  rateLimit: RouteRateLimit | false = false,
): MiddlewareHandler<AppEnv> {
  const matches = createSecretMatcher(webhookSecret);
  return async (c, next) => {
    if (!matches(c.req.header(WEBHOOK_SECRET_HEADER))) {
      const problem = new HttpProblem(401, 'invalid_webhook_secret', `missing or wrong ${WEBHOOK_SECRET_HEADER}`);
      if (rateLimit) await failedAuthentication(c, rateLimit, 'webhook', problem);
      throw problem;
    }
    await next();
  };
}
