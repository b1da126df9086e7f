import type { MiddlewareHandler } from 'hono';
import { createSecretMatcher } from '../crypto/constant-time.js';
import { WEBHOOK_SECRET_HEADER } from '../defaults.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';

/** 401 unless X-Webhook-Secret matches, compared in constant time. */
export function requireWebhookSecret(webhookSecret: string): MiddlewareHandler<AppEnv> {
  const matches = createSecretMatcher(webhookSecret);
  return async (c, next) => {
    if (!matches(c.req.header(WEBHOOK_SECRET_HEADER))) {
      throw new HttpProblem(401, 'invalid_webhook_secret', `missing or wrong ${WEBHOOK_SECRET_HEADER}`);
    }
    await next();
  };
}
